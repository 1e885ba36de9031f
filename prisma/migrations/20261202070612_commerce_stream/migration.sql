/*
  Warnings:

  - A unique constraint covering the columns `[shopUserId]` on the table `Account` will be added. If there are existing duplicate values, this will fail.

*/
-- CreateEnum
CREATE TYPE "Grade" AS ENUM ('BRONZE', 'SILVER', 'GOLD', 'VIP');

-- CreateEnum
CREATE TYPE "ShopUserStatus" AS ENUM ('ACTIVE', 'DORMANT');

-- CreateEnum
CREATE TYPE "Gender" AS ENUM ('M', 'F');

-- CreateEnum
CREATE TYPE "PaymentMethod" AS ENUM ('Card', 'NaverPay', 'KakaoPay', 'Bank');

-- AlterTable
ALTER TABLE "Account" ADD COLUMN     "shopUserId" TEXT;

-- CreateTable
CREATE TABLE "ShopUser" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "gender" "Gender" NOT NULL,
    "age" INTEGER NOT NULL,
    "birthYear" INTEGER NOT NULL,
    "province" TEXT NOT NULL,
    "district" TEXT NOT NULL,
    "street" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "grade" "Grade" NOT NULL DEFAULT 'BRONZE',
    "status" "ShopUserStatus" NOT NULL DEFAULT 'ACTIVE',
    "marketingConsent" BOOLEAN NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "lastLoginAt" TIMESTAMP(3),
    "lastOrderedAt" TIMESTAMP(3),
    "randomSeed" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "ShopUser_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Product" (
    "id" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "brand" TEXT,
    "price" INTEGER NOT NULL,
    "listPrice" INTEGER NOT NULL,
    "discountRate" DOUBLE PRECISION NOT NULL,
    "description" TEXT NOT NULL,
    "rating" DOUBLE PRECISION NOT NULL,
    "reviewCount" INTEGER NOT NULL,
    "stock" INTEGER NOT NULL,
    "orderCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Product_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ShopOrder" (
    "id" UUID NOT NULL,
    "userId" TEXT NOT NULL,
    "orderedAt" TIMESTAMP(3) NOT NULL,
    "paymentMethod" "PaymentMethod" NOT NULL,
    "subtotal" INTEGER NOT NULL,
    "shippingFee" INTEGER NOT NULL,
    "discount" INTEGER NOT NULL,
    "total" INTEGER NOT NULL,
    "lineCount" INTEGER NOT NULL,
    "itemCount" INTEGER NOT NULL,
    "scenarioId" INTEGER NOT NULL,
    "buyerProvince" TEXT NOT NULL,
    "buyerGender" "Gender" NOT NULL,
    "buyerAge" INTEGER NOT NULL,

    CONSTRAINT "ShopOrder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrderLine" (
    "orderId" UUID NOT NULL,
    "lineNo" INTEGER NOT NULL,
    "productId" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "unitPrice" INTEGER NOT NULL,
    "amount" INTEGER NOT NULL,

    CONSTRAINT "OrderLine_pkey" PRIMARY KEY ("orderId","lineNo")
);

-- CreateTable
CREATE TABLE "GradeChange" (
    "id" BIGSERIAL NOT NULL,
    "userId" TEXT NOT NULL,
    "from" "Grade" NOT NULL,
    "to" "Grade" NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "reason" TEXT NOT NULL,
    "asOf" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "GradeChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GeneratorControl" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "running" BOOLEAN NOT NULL DEFAULT true,
    "rate" DOUBLE PRECISION,
    "scenarioId" INTEGER,
    "scenarioUntil" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GeneratorControl_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GeneratorStatus" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "running" BOOLEAN NOT NULL,
    "rate" DOUBLE PRECISION,
    "scenarioId" INTEGER NOT NULL,
    "scenarioMode" TEXT NOT NULL,
    "scenarioEndsAt" TIMESTAMP(3),
    "cartsProduced" BIGINT NOT NULL DEFAULT 0,
    "linesProduced" BIGINT NOT NULL DEFAULT 0,
    "usersProduced" BIGINT NOT NULL DEFAULT 0,
    "productsProduced" BIGINT NOT NULL DEFAULT 0,
    "poolPurchased" INTEGER NOT NULL DEFAULT 0,
    "poolNeverPurchased" INTEGER NOT NULL DEFAULT 0,
    "poolPopular" INTEGER NOT NULL DEFAULT 0,
    "poolNew" INTEGER NOT NULL DEFAULT 0,
    "poolRefreshedAt" TIMESTAMP(3),
    "reportedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "GeneratorStatus_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CommerceMinute" (
    "minute" TIMESTAMP(3) NOT NULL,
    "carts" INTEGER NOT NULL DEFAULT 0,
    "lines" INTEGER NOT NULL DEFAULT 0,
    "revenue" BIGINT NOT NULL DEFAULT 0,
    "newUsers" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "CommerceMinute_pkey" PRIMARY KEY ("minute")
);

-- CreateTable
CREATE TABLE "CommerceCategoryMinute" (
    "minute" TIMESTAMP(3) NOT NULL,
    "category" TEXT NOT NULL,
    "lines" INTEGER NOT NULL DEFAULT 0,
    "quantity" INTEGER NOT NULL DEFAULT 0,
    "revenue" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "CommerceCategoryMinute_pkey" PRIMARY KEY ("minute","category")
);

-- CreateTable
CREATE TABLE "CommerceDay" (
    "day" DATE NOT NULL,
    "carts" INTEGER NOT NULL DEFAULT 0,
    "lines" INTEGER NOT NULL DEFAULT 0,
    "revenue" BIGINT NOT NULL DEFAULT 0,
    "newUsers" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "CommerceDay_pkey" PRIMARY KEY ("day")
);

-- CreateTable
CREATE TABLE "CommercePaymentAge" (
    "ageGroup" TEXT NOT NULL,
    "method" "PaymentMethod" NOT NULL,
    "carts" INTEGER NOT NULL DEFAULT 0,
    "revenue" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "CommercePaymentAge_pkey" PRIMARY KEY ("ageGroup","method")
);

-- CreateTable
CREATE TABLE "CommerceGradeCount" (
    "grade" "Grade" NOT NULL,
    "users" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "CommerceGradeCount_pkey" PRIMARY KEY ("grade")
);

-- CreateTable
CREATE TABLE "CommerceTotals" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "users" INTEGER NOT NULL DEFAULT 0,
    "products" INTEGER NOT NULL DEFAULT 0,
    "orders" INTEGER NOT NULL DEFAULT 0,
    "orderLines" INTEGER NOT NULL DEFAULT 0,
    "revenue" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "CommerceTotals_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ShopUser_lastOrderedAt_idx" ON "ShopUser"("lastOrderedAt");

-- CreateIndex
CREATE INDEX "ShopUser_createdAt_idx" ON "ShopUser"("createdAt");

-- CreateIndex
CREATE INDEX "Product_orderCount_idx" ON "Product"("orderCount");

-- CreateIndex
CREATE INDEX "Product_createdAt_idx" ON "Product"("createdAt");

-- CreateIndex
CREATE INDEX "ShopOrder_userId_orderedAt_idx" ON "ShopOrder"("userId", "orderedAt");

-- CreateIndex
CREATE INDEX "ShopOrder_orderedAt_idx" ON "ShopOrder"("orderedAt");

-- CreateIndex
CREATE INDEX "OrderLine_productId_idx" ON "OrderLine"("productId");

-- CreateIndex
CREATE INDEX "GradeChange_at_idx" ON "GradeChange"("at");

-- CreateIndex
CREATE INDEX "GradeChange_userId_at_idx" ON "GradeChange"("userId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "Account_shopUserId_key" ON "Account"("shopUserId");

-- AddForeignKey
ALTER TABLE "ShopOrder" ADD CONSTRAINT "ShopOrder_userId_fkey" FOREIGN KEY ("userId") REFERENCES "ShopUser"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrderLine" ADD CONSTRAINT "OrderLine_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "ShopOrder"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrderLine" ADD CONSTRAINT "OrderLine_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GradeChange" ADD CONSTRAINT "GradeChange_userId_fkey" FOREIGN KEY ("userId") REFERENCES "ShopUser"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
