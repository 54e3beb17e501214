import type { DemoCustomer, DemoPartner } from './catalog';
import { NORTHWIND_CUSTOMERS } from './northwind-customers';
import { BLUEWAVE_CUSTOMERS } from './bluewave-customers';
import { MERIDIAN_AND_KESTREL_CUSTOMERS } from './meridian-kestrel-customers';
import { DEMO_PARTNER_ID } from './story';

export const DEMO_PARTNERS: readonly DemoPartner[] = [
  { id: DEMO_PARTNER_ID, name: 'Northwind Telecom' },
  { id: 'p-bluewave', name: 'Bluewave Communications' },
  { id: 'p-meridian', name: 'Meridian Systems Integration' },
  { id: 'p-kestrel', name: 'Kestrel Networks' },
];

export const DEMO_CUSTOMERS: readonly DemoCustomer[] = [
  ...NORTHWIND_CUSTOMERS,
  ...BLUEWAVE_CUSTOMERS,
  ...MERIDIAN_AND_KESTREL_CUSTOMERS,
];
