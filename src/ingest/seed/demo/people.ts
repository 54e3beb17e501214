import { Role } from '../../../db/enums';
import type { OrgDocument } from '../plan';
import { DEMO_PARTNER_ID, DEMO_STORY, DEMO_USER_ID } from './story';

// The demo's users: every role of the contract is held by someone, so that each way of seeing the
// data can be tried with `licensegraph token --user <id>`.

const { overLicenseLimit, unusedRegion, staleData, endsWithin30Days } = DEMO_STORY;

export const DEMO_USERS: OrgDocument['users'] = [
  {
    id: DEMO_USER_ID,
    email: 'dana.whitfield@northwind-telecom.example',
    displayName: 'Dana Whitfield',
  },
  {
    id: 'u-demo-partner-viewer',
    email: 'ravi.menon@northwind-telecom.example',
    displayName: 'Ravi Menon',
  },
  {
    id: 'u-demo-account-manager',
    email: 'lena.hoffmann@northwind-telecom.example',
    displayName: 'Lena Hoffmann',
  },
  {
    id: 'u-demo-collector',
    email: 'collector@northwind-telecom.example',
    displayName: 'Northwind usage collector',
  },
  { id: 'u-contoso-admin', email: 'marcus.chen@contoso.example', displayName: 'Marcus Chen' },
  {
    id: 'u-contoso-auditor',
    email: 'priya.natarajan@contoso.example',
    displayName: 'Priya Natarajan',
  },
  {
    id: 'u-fabrikam-support',
    email: 'tomas.alvarez@fabrikam.example',
    displayName: 'Tomás Alvarez',
  },
  { id: 'u-elena-rossi', email: 'elena.rossi@woodgrove.example', displayName: 'Elena Rossi' },
  {
    id: 'u-bluewave-admin',
    email: 'grace.okafor@bluewave-comms.example',
    displayName: 'Grace Okafor',
  },
  {
    id: 'u-meridian-admin',
    email: 'kenji.watanabe@meridian-si.example',
    displayName: 'Kenji Watanabe',
  },
  {
    id: 'u-kestrel-admin',
    email: 'sofia.lindqvist@kestrel-networks.example',
    displayName: 'Sofia Lindqvist',
  },
  {
    id: 'u-litware-collector',
    email: 'cucm-collector@litware.example',
    displayName: 'Litware on-premises collector',
  },
];

export const DEMO_ROLE_ASSIGNMENTS: OrgDocument['roleAssignments'] = [
  { userId: DEMO_USER_ID, role: Role.PARTNER_FULL_ADMIN, partnerId: DEMO_PARTNER_ID },
  {
    userId: 'u-demo-partner-viewer',
    role: Role.PARTNER_READ_ONLY_ADMIN,
    partnerId: DEMO_PARTNER_ID,
  },
  // A partner admin manages individual customers: one assignment per managed customer.
  {
    userId: 'u-demo-account-manager',
    role: Role.PARTNER_ADMIN,
    customerId: overLicenseLimit.customerId,
  },
  {
    userId: 'u-demo-account-manager',
    role: Role.PARTNER_ADMIN,
    customerId: unusedRegion.customerId,
  },
  { userId: 'u-demo-collector', role: Role.USAGE_COLLECTOR, partnerId: DEMO_PARTNER_ID },
  { userId: 'u-contoso-admin', role: Role.FULL_ADMIN, customerId: overLicenseLimit.customerId },
  {
    userId: 'u-contoso-auditor',
    role: Role.READ_ONLY_ADMIN,
    customerId: overLicenseLimit.customerId,
  },
  { userId: 'u-fabrikam-support', role: Role.SUPPORT_ADMIN, customerId: unusedRegion.customerId },
  // One person, several roles: Woodgrove's admin also reads Tailspin's data as a consultant.
  { userId: 'u-elena-rossi', role: Role.FULL_ADMIN, customerId: endsWithin30Days.customerId },
  { userId: 'u-elena-rossi', role: Role.READ_ONLY_ADMIN, customerId: staleData.customerId },
  { userId: 'u-bluewave-admin', role: Role.PARTNER_FULL_ADMIN, partnerId: 'p-bluewave' },
  { userId: 'u-meridian-admin', role: Role.PARTNER_FULL_ADMIN, partnerId: 'p-meridian' },
  { userId: 'u-kestrel-admin', role: Role.PARTNER_FULL_ADMIN, partnerId: 'p-kestrel' },
  {
    userId: 'u-litware-collector',
    role: Role.USAGE_COLLECTOR,
    customerId: DEMO_STORY.endsWithin90Days.customerId,
  },
];
