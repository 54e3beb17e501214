import {
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  Kind,
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  getNullableType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
} from 'graphql';
import type {
  FieldNode,
  FragmentDefinitionNode,
  GraphQLCompositeType,
  GraphQLSchema,
  OperationDefinitionNode,
  SelectionSetNode,
} from 'graphql';
import { EXCLUSIVE_LISTS, listSize, sizeForChildLists } from './list-sizes';

// The estimated cost of an operation: every field 1, times the expected size of every list above
// it (cost/list-sizes.ts), so that it grows with what the answer holds and the memory it takes.
// Aliases multiply (each alias is counted), and so do repeated fragment spreads. A fragment's cost
// is computed once per type and handed-down size and then reused, so the time is linear in the
// document's length even when its expansion has 10^8 fields (graphql-query-complexity walks every
// spread again: exponential on nested fragments).

type Variables = Record<string, unknown>;

interface Walk {
  schema: GraphQLSchema;
  variables: Variables;
  fragments: Map<string, FragmentDefinitionNode>;
  memo: Map<string, number>;
  /** Fragments being counted: a cycle (refused by validation anyway) counts nothing more. */
  open: Set<string>;
}

function included(walk: Walk, node: { directives?: readonly unknown[] }): boolean {
  if (!node.directives?.length) return true;
  const target = node as FieldNode;
  if (getDirectiveValues(GraphQLSkipDirective, target, walk.variables)?.if === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, target, walk.variables)?.if !== false;
}

function typeNamed(walk: Walk, name: string | undefined, fallback: GraphQLCompositeType) {
  const type = name ? walk.schema.getType(name) : fallback;
  return type && isCompositeType(type) ? type : undefined;
}

function fieldCost(
  walk: Walk,
  node: FieldNode,
  parent: GraphQLCompositeType,
  handedDown: number | undefined,
): number {
  const name = node.name.value;
  if (name.startsWith('__') || !(isObjectType(parent) || isInterfaceType(parent))) {
    return name === '__typename' ? 0 : 1;
  }
  const field = parent.getFields()[name];
  if (!field) return 1;
  // Bad argument values are for execution to refuse; here they count as absent.
  let args: Record<string, unknown> = {};
  try {
    args = getArgumentValues(field, node, walk.variables);
  } catch {
    args = {};
  }
  const size = isListType(getNullableType(field.type)) ? listSize(name, args, handedDown) : 1;
  const named = getNamedType(field.type);
  const children =
    node.selectionSet && isCompositeType(named)
      ? selectionCost(walk, node.selectionSet, named, sizeForChildLists(name, args))
      : 0;
  return size * (1 + children);
}

function spreadCost(
  walk: Walk,
  name: string,
  parent: GraphQLCompositeType,
  handedDown: number | undefined,
): number {
  const fragment = walk.fragments.get(name);
  if (!fragment || walk.open.has(name)) return 0;
  const type = typeNamed(walk, fragment.typeCondition.name.value, parent);
  if (!type) return 0;
  const key = `${name}\u0000${type.name}\u0000${handedDown ?? ''}`;
  const known = walk.memo.get(key);
  if (known !== undefined) return known;
  walk.open.add(name);
  const cost = selectionCost(walk, fragment.selectionSet, type, handedDown);
  walk.open.delete(name);
  walk.memo.set(key, cost);
  return cost;
}

function selectionCost(
  walk: Walk,
  set: SelectionSetNode,
  parent: GraphQLCompositeType,
  handedDown: number | undefined,
): number {
  let cost = 0;
  const exclusive = EXCLUSIVE_LISTS[parent.name];
  // Per field of an exclusive group (EXCLUSIVE_LISTS): the sum of its selections (aliases add up).
  const exclusiveCosts = new Map<string, number>();
  for (const selection of set.selections) {
    if (!included(walk, selection)) continue;
    if (selection.kind === Kind.FIELD) {
      const fieldCostHere = fieldCost(walk, selection, parent, handedDown);
      const name = selection.name.value;
      if (exclusive?.includes(name)) {
        exclusiveCosts.set(name, (exclusiveCosts.get(name) ?? 0) + fieldCostHere);
      } else {
        cost += fieldCostHere;
      }
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const type = typeNamed(walk, selection.typeCondition?.name.value, parent);
      if (type) cost += selectionCost(walk, selection.selectionSet, type, handedDown);
    } else {
      cost += spreadCost(walk, selection.name.value, parent, handedDown);
    }
  }
  return cost + Math.max(0, ...exclusiveCosts.values());
}

/** The cost of `operation` with these variables (defaults of the schema filled in). */
export function operationCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: readonly FragmentDefinitionNode[],
  variables: Variables,
): number {
  const root = schema.getRootType(operation.operation);
  if (!root) return 0;
  const walk: Walk = {
    schema,
    variables,
    fragments: new Map(fragments.map((f) => [f.name.value, f])),
    memo: new Map(),
    open: new Set(),
  };
  return selectionCost(walk, operation.selectionSet, root, undefined);
}
