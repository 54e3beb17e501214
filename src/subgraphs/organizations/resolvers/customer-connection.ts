import { connectionPage, decodeCursor, encodeCursor, pageSize } from '../../../graphql/connection';
import type { SortKeyShape } from '../../../graphql/connection';
import type { RequestContext } from '../../../graphql/context';
import { CustomerOrderField, OrderDirection } from '../../../graphql/enums';
import { badUserInput } from '../../../graphql/errors';
import { viewerOf } from '../../../graphql/viewer-of';
import { customerLoader } from '../../../graphql/visible-loaders';
import DataLoader from 'dataloader';
import { MAX_BATCH } from '../../../graphql/by-id-loader';
import { perArguments } from '../../../graphql/per-arguments';
import { customerPage, customerPagesOfPartners } from '../queries/customer-page';
import type { CustomerPageQuery, CustomerRow } from '../queries/customer-page';
import type {
  CustomerConnection,
  CustomerFilter,
  CustomerOrder,
} from '../types/customer-connection.type';

export interface CustomerConnectionArgs {
  first?: number | null;
  after?: string | null;
  filter?: CustomerFilter | null;
  orderBy?: CustomerOrder | null;
}

const MAX_FILTER_VALUES = 100;

/** The sort key customerPage puts in a cursor: the name or utilization, then the id. */
const SORT_KEY_SHAPES: Record<CustomerOrderField, SortKeyShape> = {
  [CustomerOrderField.NAME]: ['string', 'string'],
  [CustomerOrderField.UTILIZATION]: ['number', 'string'],
  [CustomerOrderField.RECLAIMABLE]: ['number', 'string'],
};

function checkFilter(filter: CustomerFilter | null | undefined): void {
  for (const [name, values] of Object.entries({
    regions: filter?.regions,
    subscriptionKinds: filter?.subscriptionKinds,
  })) {
    if (values && (values.length === 0 || values.length > MAX_FILTER_VALUES)) {
      throw badUserInput(`filter.${name} must list 1 to ${MAX_FILTER_VALUES} values`, {
        argumentName: 'filter',
      });
    }
  }
  if (
    filter?.nameContains !== undefined &&
    filter.nameContains !== null &&
    filter.nameContains.length > 200
  ) {
    throw badUserInput('filter.nameContains is longer than 200 characters', {
      argumentName: 'filter',
    });
  }
}

type Page = { rows: CustomerRow[]; totalCount: number };

/**
 * Partner.customers under many partners with the same arguments (a page of customers, each
 * asking for its partner's customers): one batch, so two statements for all of them.
 */
const partnerPagesLoader = perArguments(
  (ctx, query: CustomerPageQuery) =>
    new DataLoader<string, Page>(
      async (partnerIds) => {
        const pages = await customerPagesOfPartners(ctx.ds, { ...query, partnerIds });
        return partnerIds.map((id) => pages.get(id)!);
      },
      { maxBatchSize: MAX_BATCH },
    ),
);

/** Query.customers and Partner.customers: one page of the customers the viewer may read. */
export async function customerConnection(
  ctx: RequestContext,
  args: CustomerConnectionArgs,
  partnerId?: string,
): Promise<CustomerConnection> {
  const limit = pageSize(args.first);
  checkFilter(args.filter);
  const order = {
    field: args.orderBy?.field ?? CustomerOrderField.NAME,
    direction: args.orderBy?.direction ?? OrderDirection.ASC,
  };
  const ordering = `${order.field}:${order.direction}`;
  const query: CustomerPageQuery = {
    grant: viewerOf(ctx).scope.read,
    nameContains: args.filter?.nameContains ?? undefined,
    regions: args.filter?.regions ?? undefined,
    subscriptionKinds: args.filter?.subscriptionKinds ?? undefined,
    order,
    after: decodeCursor(args.after, ordering, SORT_KEY_SHAPES[order.field]),
    limit: limit + 1,
    asOf: ctx.today,
  };
  const read =
    partnerId === undefined
      ? await customerPage(ctx.ds, query)
      : await partnerPagesLoader(ctx, query).load(partnerId);
  // Every row was read under the viewer's read scope, which visibility includes: the subgraphs
  // asked about these customers in this request (in process, SUBGRAPHS_IN_PROCESS) need not ask
  // the database again.
  const visible = customerLoader(ctx);
  for (const row of read.rows) {
    visible.prime(row.id, { id: row.id, name: row.name, partnerId: row.partnerId });
  }
  return connectionPage(read, limit, args.after, (row) => ({
    cursor: encodeCursor(ordering, row.sortKey),
    node: { id: row.id, name: row.name, partnerId: row.partnerId },
  }));
}
