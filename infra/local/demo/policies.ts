// Extended-warranty policies sold with used cars through dealers and used-car markets: valid,
// expired and cancelled, each with the seller to call back about repairs.
import type { DemoPolicy } from './types.js';

const YONGDA = { name: '上海永达二手车交易市场 Yongda Used Car Market', phone: '+862164001234' };
const HUADONG = { name: '华东二手车交易中心 East China Used Car Center', phone: '+862164005678' };
const BEIJING = { name: '北京旧机动车交易市场 Beijing Used Vehicle Market', phone: '+861085123400' };
const GUANGZHOU = { name: '广州瑞晟二手车行 Ruisheng Auto Dealer', phone: '+862087650000' };
const CHENGDU = { name: '成都西部二手车城 Chengdu West Used Car City', phone: '+862885001234' };
const BAY_AREA = { name: 'Bay Area Auto Mart', phone: '+14155550190' };

const THREE_YEARS = '延保 3 年 / 6 万公里 Extended warranty 3 years / 60,000 km';
const TWO_YEARS = '延保 2 年 / 4 万公里 Extended warranty 2 years / 40,000 km';
const POWERTRAIN = 'Powertrain warranty 3 years / 36,000 miles';

export const DEMO_POLICIES: readonly DemoPolicy[] = [
  {
    number: 'EW-2024-000101',
    customerId: 'cus-0001',
    vehicleId: 'ast-0001',
    status: 'valid',
    product: THREE_YEARS,
    startsOn: '2024-05-01',
    endsOn: '2027-04-30',
    dealer: YONGDA,
  },
  {
    number: 'EW-2023-000087',
    customerId: 'cus-0002',
    vehicleId: 'ast-0002',
    status: 'expired',
    product: TWO_YEARS,
    startsOn: '2023-02-10',
    endsOn: '2025-02-09',
    dealer: HUADONG,
  },
  {
    number: 'EW-2024-000215',
    customerId: 'cus-0003',
    vehicleId: 'ast-0003',
    status: 'cancelled',
    product: THREE_YEARS,
    startsOn: '2024-08-15',
    endsOn: '2027-08-14',
    dealer: HUADONG,
  },
  {
    number: 'EW-2025-000033',
    customerId: 'cus-0004',
    vehicleId: 'ast-0004',
    status: 'valid',
    product: POWERTRAIN,
    startsOn: '2025-01-20',
    endsOn: '2028-01-19',
    dealer: BAY_AREA,
  },
  {
    number: 'EW-2024-000302',
    customerId: 'cus-0006',
    vehicleId: 'ast-0006',
    status: 'valid',
    product: THREE_YEARS,
    startsOn: '2024-11-01',
    endsOn: '2027-10-31',
    dealer: BEIJING,
  },
  {
    number: 'EW-2025-000077',
    customerId: 'cus-0007',
    vehicleId: 'ast-0007',
    status: 'valid',
    product: TWO_YEARS,
    startsOn: '2025-03-01',
    endsOn: '2027-02-28',
    dealer: GUANGZHOU,
  },
  {
    number: 'EW-2022-000011',
    customerId: 'cus-0008',
    vehicleId: 'ast-0008',
    status: 'expired',
    product: POWERTRAIN,
    startsOn: '2022-06-01',
    endsOn: '2025-05-31',
    dealer: BAY_AREA,
  },
  {
    number: 'EW-2025-000120',
    customerId: 'cus-0009',
    vehicleId: 'ast-0009',
    status: 'valid',
    product: THREE_YEARS,
    startsOn: '2025-04-18',
    endsOn: '2028-04-17',
    dealer: YONGDA,
  },
  {
    number: 'EW-2024-000410',
    customerId: 'cus-0013',
    vehicleId: 'ast-0014',
    status: 'valid',
    product: TWO_YEARS,
    startsOn: '2024-12-01',
    endsOn: '2026-11-30',
    dealer: CHENGDU,
  },
  {
    number: 'EW-2023-000199',
    customerId: 'cus-0014',
    vehicleId: 'ast-0015',
    status: 'cancelled',
    product: TWO_YEARS,
    startsOn: '2023-09-01',
    endsOn: '2025-08-31',
    dealer: HUADONG,
  },
  {
    number: 'EW-2025-000205',
    customerId: 'cus-0016',
    vehicleId: 'ast-0017',
    status: 'valid',
    product: THREE_YEARS,
    startsOn: '2025-06-01',
    endsOn: '2028-05-31',
    dealer: BEIJING,
  },
  {
    number: 'EW-2025-000250',
    customerId: 'cus-0018',
    vehicleId: 'ast-0019',
    status: 'valid',
    product: THREE_YEARS,
    startsOn: '2025-07-10',
    endsOn: '2028-07-09',
    dealer: YONGDA,
  },
  {
    number: 'EW-2023-000333',
    customerId: 'cus-0020',
    vehicleId: 'ast-0021',
    status: 'expired',
    product: TWO_YEARS,
    startsOn: '2023-12-01',
    endsOn: '2025-11-30',
    dealer: CHENGDU,
  },
];
