/**
 * The shop's merchant registry (seed 004's merchants, derived from seed 002's catalogue): one merchant per brand,
 * numbered in the catalogue's order (categories as CATEGORY_RULES lists them, brands in each category's order, a
 * brand sold in several categories once, where it first appears), so the same catalogue always gives the same
 * numbers. Products without a brand (fresh produce) are the shop's own: merchant-0000. Two fixtures exercise the
 * settlement checks: a test merchant (its payments are test payments) and one with settlement disabled.
 *
 * Adding a brand at the end of a category that comes last keeps every number; adding one earlier renumbers the
 * brands after it, so append new brands to the last category or give them fixed numbers here.
 */
import { CATEGORY_RULES } from '../../commerce/generator/model/catalogue-rules';

export interface ShopMerchant {
  number: string;
  name: string;
  settlementEnabled: boolean;
  test: boolean;
  /** the catalogue brand it sells, null for the fixtures and the shop itself */
  brand: string | null;
}

export const SHOP_MERCHANT = 'merchant-0000';
export const TEST_MERCHANT = 'merchant-9001';
export const NON_SETTLEMENT_MERCHANT = 'merchant-9002';

const merchantNumber = (n: number) => `merchant-${String(n).padStart(4, '0')}`;

const brands = [...new Set(Object.values(CATEGORY_RULES).flatMap((r) => r.brands))];

export const BRAND_MERCHANTS: readonly ShopMerchant[] = brands.map((brand, i) => ({
  number: merchantNumber(i + 1),
  name: brand,
  settlementEnabled: true,
  test: false,
  brand,
}));

export const SHOP_MERCHANTS: readonly ShopMerchant[] = [
  { number: SHOP_MERCHANT, name: '스위치보드 직매입', settlementEnabled: true, test: false, brand: null },
  ...BRAND_MERCHANTS,
  { number: TEST_MERCHANT, name: '테스트 가맹점', settlementEnabled: true, test: true, brand: null },
  { number: NON_SETTLEMENT_MERCHANT, name: '상품권 키오스크', settlementEnabled: false, test: false, brand: null },
];

const byBrand = new Map(BRAND_MERCHANTS.map((m) => [m.brand!, m.number]));

/** The merchant selling a brand's products; the shop itself for no brand or one the catalogue does not know. */
export function merchantOfBrand(brand: string | null | undefined): string {
  return (brand && byBrand.get(brand)) || SHOP_MERCHANT;
}
