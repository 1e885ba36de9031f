import { describe, expect, it } from 'vitest';
import { CATEGORY_RULES } from '../../commerce/generator/model/catalogue-rules';
import { BRAND_MERCHANTS, merchantOfBrand, NON_SETTLEMENT_MERCHANT, SHOP_MERCHANT, SHOP_MERCHANTS, TEST_MERCHANT } from './shop-merchants';

describe('the shop merchant registry', () => {
  it('has one merchant per catalogue brand, numbered from merchant-0001 in the catalogue order', () => {
    const brands = new Set(Object.values(CATEGORY_RULES).flatMap((r) => r.brands));
    expect(BRAND_MERCHANTS.map((m) => m.brand)).toEqual([...brands]);
    expect(BRAND_MERCHANTS[0]).toMatchObject({ number: 'merchant-0001', name: '나이키', settlementEnabled: true, test: false });
    BRAND_MERCHANTS.forEach((m, i) => expect(m.number).toBe(`merchant-${String(i + 1).padStart(4, '0')}`));
    expect(BRAND_MERCHANTS.length).toBeLessThan(9000); // the 9xxx fixtures stay clear of the brands
  });

  it('adds the shop itself and the two fixtures, every number once', () => {
    expect(SHOP_MERCHANTS.find((m) => m.number === SHOP_MERCHANT)).toMatchObject({ name: '스위치보드 직매입', settlementEnabled: true, test: false });
    expect(SHOP_MERCHANTS.find((m) => m.number === TEST_MERCHANT)).toMatchObject({ name: '테스트 가맹점', test: true });
    expect(SHOP_MERCHANTS.find((m) => m.number === NON_SETTLEMENT_MERCHANT)).toMatchObject({ name: '상품권 키오스크', settlementEnabled: false });
    expect(new Set(SHOP_MERCHANTS.map((m) => m.number)).size).toBe(SHOP_MERCHANTS.length);
  });

  it('maps a brand to its merchant, and no brand or an unknown one to the shop', () => {
    expect(merchantOfBrand('나이키')).toBe('merchant-0001');
    // a brand of two categories (삼성: 생활가전 and IT/게이밍) is one merchant
    expect(BRAND_MERCHANTS.filter((m) => m.brand === '삼성')).toHaveLength(1);
    for (const m of BRAND_MERCHANTS) expect(merchantOfBrand(m.brand)).toBe(m.number);
    expect(merchantOfBrand(null)).toBe(SHOP_MERCHANT);
    expect(merchantOfBrand('소니')).toBe(SHOP_MERCHANT);
  });
});
