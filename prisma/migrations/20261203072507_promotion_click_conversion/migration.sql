-- AlterTable
ALTER TABLE "PromotionReach" ADD COLUMN     "clickPurchases" INTEGER NOT NULL DEFAULT 0;
