-- CreateTable
CREATE TABLE "PromotionClicker" (
    "promotionId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "ageGroup" TEXT NOT NULL,
    "firstAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PromotionClicker_pkey" PRIMARY KEY ("promotionId","userId")
);

-- CreateTable
CREATE TABLE "PromotionReach" (
    "promotionId" TEXT NOT NULL,
    "ageGroup" TEXT NOT NULL,
    "clickers" INTEGER NOT NULL DEFAULT 0,
    "views" INTEGER NOT NULL DEFAULT 0,
    "clicks" INTEGER NOT NULL DEFAULT 0,
    "affectedPurchases" INTEGER NOT NULL DEFAULT 0,
    "revenue" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "PromotionReach_pkey" PRIMARY KEY ("promotionId","ageGroup")
);
