import type { Category } from '../../catalogue/categories';

/**
 * Category rules of seed 002: price range (KRW), order_frequency (how often a
 * category is bought, relative; product weight = category weight x frequency / 10),
 * quantity options with weights, and brands. Item names and keywords build product
 * names ("<brand> <keyword> <item>"); they are ours, the seed's templates are alike.
 */
export interface CategoryRule {
  priceMin: number;
  priceMax: number;
  orderFrequency: number;
  qty: readonly number[];
  qtyWeights: readonly number[];
  brands: readonly string[];
  items: readonly string[];
  keywords: readonly string[];
}

const q = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

export const CATEGORY_RULES: Readonly<Record<Category, CategoryRule>> = {
  'SS(봄여름)': { priceMin: 15_000, priceMax: 150_000, orderFrequency: 12, qty: q(3), qtyWeights: [70, 20, 10],
    brands: ['나이키', '아디다스', '폴로', '지오다노', '탑텐', '스파오', '파타고니아', '메종키츠네'],
    items: ['반팔 티셔츠', '린넨 셔츠', '반바지', '원피스', '썸머 니트', '와이드 팬츠'], keywords: ['오버핏', '쿨링', '데일리', '베이직', '시그니처'] },
  'FW(가을겨울)': { priceMin: 30_000, priceMax: 800_000, orderFrequency: 10, qty: q(2), qtyWeights: [80, 20],
    brands: ['노스페이스', '나이키', '디스커버리', '내셔널지오그래픽', '폴로', '몽클레어'],
    items: ['구스다운 패딩', '울 코트', '플리스 자켓', '기모 후드', '니트 가디건'], keywords: ['헤비', '경량', '방풍', '롱', '숏'] },
  '스킨케어': { priceMin: 10_000, priceMax: 150_000, orderFrequency: 18, qty: q(4), qtyWeights: [45, 30, 18, 7],
    brands: ['이니스프리', '닥터지', '라운드랩', '토리든', '아누아', '피지오겔'],
    items: ['토너', '수분 크림', '앰플', '선크림', '클렌징 폼'], keywords: ['진정', '수분', '저자극', '대용량', '기획세트'] },
  '기능성(안티에이징)': { priceMin: 50_000, priceMax: 500_000, orderFrequency: 8, qty: q(2), qtyWeights: [85, 15],
    brands: ['설화수', '헤라', '에스티로더', '아이오페', 'SK2', '랑콤'],
    items: ['에센스', '아이크림', '레티놀 세럼', '탄력 크림'], keywords: ['주름개선', '미백', '프리미엄', '한정판'] },
  '신선(과일/채소)': { priceMin: 10_000, priceMax: 80_000, orderFrequency: 20, qty: q(3), qtyWeights: [55, 30, 15], brands: [],
    items: ['사과', '제주 감귤', '샤인머스캣', '유기농 채소 박스', '방울토마토', '딸기'], keywords: ['산지직송', '특품', '못난이', '가정용', '선물용'] },
  '육류/가공': { priceMin: 20_000, priceMax: 200_000, orderFrequency: 16, qty: q(3), qtyWeights: [50, 35, 15],
    brands: ['하림', '도드람', '농협안심', '횡성축협', '비비고'],
    items: ['한우 등심', '삼겹살', '닭가슴살', '양념갈비', '만두'], keywords: ['1등급', '냉장', '냉동', '소포장', '대용량'] },
  '생활가전': { priceMin: 500_000, priceMax: 5_000_000, orderFrequency: 2, qty: q(4), qtyWeights: [60, 20, 10, 10],
    brands: ['삼성', 'LG', '발뮤다', '다이슨', '쿠쿠', '로보락'],
    items: ['로봇청소기', '공기청정기', '식기세척기', '건조기', '전기밥솥'], keywords: ['신형', '프리미엄', 'AI', '대용량', '2026년형'] },
  'IT/게이밍': { priceMin: 100_000, priceMax: 3_000_000, orderFrequency: 4, qty: q(2), qtyWeights: [92, 8],
    brands: ['삼성', 'LG', '애플', '로지텍', '레이저', 'ASUS', 'MSI'],
    items: ['게이밍 노트북', '모니터', '기계식 키보드', '무선 마우스', '태블릿'], keywords: ['고주사율', '초경량', '무선', '프로', '게이밍'] },
  '세제/위생': { priceMin: 5_000, priceMax: 50_000, orderFrequency: 22, qty: q(6), qtyWeights: [15, 25, 25, 18, 12, 5],
    brands: ['다우니', '퍼실', '피죤', '유한락스', '페브리즈', '크리넥스'],
    items: ['세탁세제', '섬유유연제', '주방세제', '욕실 세정제', '탈취제'], keywords: ['리필', '대용량', '무향', '실내건조', '기획'] },
  '화지/제지': { priceMin: 10_000, priceMax: 40_000, orderFrequency: 20, qty: q(4), qtyWeights: [20, 35, 30, 15],
    brands: ['크리넥스', '코디', '깨끗한나라', '잘풀리는집'],
    items: ['두루마리 휴지', '미용 티슈', '키친타월', '물티슈'], keywords: ['3겹', '30롤', '도톰한', '무형광'] },
  '건강식품': { priceMin: 30_000, priceMax: 500_000, orderFrequency: 10, qty: q(3), qtyWeights: [55, 30, 15],
    brands: ['정관장', '한삼인', '농협', '종근당건강', '광동'],
    items: ['홍삼정', '홍삼 스틱', '흑염소 진액', '녹용'], keywords: ['선물세트', '6년근', '30포', '명절'] },
  '영양제': { priceMin: 15_000, priceMax: 150_000, orderFrequency: 14, qty: q(4), qtyWeights: [40, 35, 18, 7],
    brands: ['고려은단', '뉴트리원', '덴프스', '에스더포뮬러', '종근당', '얼라이브'],
    items: ['비타민C', '오메가3', '유산균', '멀티비타민', '루테인'], keywords: ['3개월분', '고함량', '1+1', '식약처인증'] },
  '소파/침대': { priceMin: 300_000, priceMax: 3_000_000, orderFrequency: 2, qty: q(4), qtyWeights: [60, 20, 10, 10],
    brands: ['한샘', '리바트', '까사미아', '에이스침대', '시몬스', '자코모'],
    items: ['패브릭 소파', '가죽 소파', '퀸 침대', '매트리스', '리클라이너'], keywords: ['3인용', '4인용', '무료설치', '모듈형'] },
  '사무/학생': { priceMin: 50_000, priceMax: 500_000, orderFrequency: 5, qty: q(2), qtyWeights: [90, 10],
    brands: ['시디즈', '데스커', '일룸', '듀오백'],
    items: ['책상', '의자', '책장', '모션데스크'], keywords: ['학생용', '사무용', '높이조절', '인체공학'] },
  '골프': { priceMin: 50_000, priceMax: 1_500_000, orderFrequency: 3, qty: q(2), qtyWeights: [88, 12],
    brands: ['타이틀리스트', '테일러메이드', '핑', '캘러웨이', 'PXG'],
    items: ['드라이버', '아이언 세트', '골프공', '퍼터', '골프화'], keywords: ['2026 신제품', '정품', '투어', '남성용', '여성용'] },
  '캠핑': { priceMin: 20_000, priceMax: 2_000_000, orderFrequency: 4, qty: q(2), qtyWeights: [85, 15],
    brands: ['스노우피크', '콜맨', '코베아', '헬리녹스', '노르디스크'],
    items: ['텐트', '캠핑 의자', '타프', '버너', '코펠 세트'], keywords: ['4인용', '경량', '원터치', '백패킹'] },
  '항공': { priceMin: 50_000, priceMax: 1_500_000, orderFrequency: 6, qty: q(4), qtyWeights: [25, 45, 20, 10],
    brands: ['대한항공', '아시아나', '제주항공', '티웨이', '진에어', '에어부산', '이스타항공'],
    items: ['제주 왕복 항공권', '오사카 왕복 항공권', '다낭 왕복 항공권', '방콕 왕복 항공권'], keywords: ['특가', '얼리버드', '수하물포함', '주말'] },
  '숙박': { priceMin: 80_000, priceMax: 2_000_000, orderFrequency: 6, qty: q(3), qtyWeights: [50, 35, 15],
    brands: ['신라호텔', '롯데호텔', '하얏트', '메리어트', '힐튼', '인터컨티넨탈', '아코르'],
    items: ['디럭스 룸 1박', '스위트 룸 1박', '오션뷰 2박', '조식 포함 패키지'], keywords: ['주중', '주말', '얼리체크인', '연박할인'] },
  '티켓/패스': { priceMin: 10_000, priceMax: 100_000, orderFrequency: 8, qty: q(4), qtyWeights: [20, 35, 30, 15],
    brands: ['에버랜드', '롯데월드', '캐리비안베이', '아쿠아플라넷', '오션월드', '레고랜드', '서울랜드'],
    items: ['종일권', '오후권', '연간이용권', '빅3 패스'], keywords: ['대인', '소인', '모바일', '평일'] },
};

/** Brands whose prices run 1.3-1.8x (others 0.7-1.1x) and whose ratings and reviews are higher. */
export const PREMIUM_BRANDS: ReadonlySet<string> = new Set(['삼성', 'LG', '애플', '다이슨', '설화수', '에스티로더', '정관장', '나이키', '타이틀리스트', '신라호텔', '발뮤다', '소니']);

/** The seed's name prefixes, put in front of 30% of product names. */
export const NAME_PREFIXES = ['[단독구성]', '[방송최저가]', '[본사직영]', '[1+1]', '[MD픽]', '[한정수량]', '[쿠폰가]', '[로켓배송]', '[역대급혜택]', '[오늘만특가]'] as const;
