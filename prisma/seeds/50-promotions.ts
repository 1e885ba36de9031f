import type { PrismaClient } from '../../lib/generated/prisma/client';

/** Demo promotions of seed 001's kinds (banner, push, search), running through 2025-2027 so history and live both see them. */
const PROMOTIONS = [
  { id: 'PR-0001', name: '겨울 아우터 특가', categories: ['FW(가을겨울)'], discountRate: 30, channel: 'BANNER' },
  { id: 'PR-0002', name: '신선식품 새벽배송 쿠폰', categories: ['신선(과일/채소)', '육류/가공'], discountRate: 15, channel: 'PUSH' },
  { id: 'PR-0003', name: '스킨케어 브랜드 위크', categories: ['스킨케어', '기능성(안티에이징)'], discountRate: 20, channel: 'BANNER' },
  { id: 'PR-0004', name: 'IT/게이밍 검색 특가', categories: ['IT/게이밍', '생활가전'], discountRate: 10, channel: 'SEARCH' },
  { id: 'PR-0005', name: '전 상품 무료배송 데이', categories: [], discountRate: 5, channel: 'PUSH' },
  { id: 'PR-0006', name: '캠핑·골프 시즌오프', categories: ['캠핑', '골프'], discountRate: 25, channel: 'SEARCH' },
] as const;

export default async function seed(db: PrismaClient): Promise<string> {
  const r = await db.promotion.createMany({
    data: PROMOTIONS.map((p) => ({ ...p, categories: [...p.categories], productIds: [], startsAt: new Date('2025-01-01T00:00:00+09:00'), endsAt: new Date('2027-12-31T23:59:59+09:00') })),
    skipDuplicates: true,
  });
  return `${PROMOTIONS.length} promotions (${r.count} new)`;
}
