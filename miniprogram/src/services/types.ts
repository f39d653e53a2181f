/**
 * Shapes of function replies as the mini-program reads them (design.md contract). Function authors
 * own the real shapes; fields not guaranteed by the contract are optional and read defensively.
 */
export interface SalesCard {
  openid: string;
  name: string;
  avatarUrl?: string;
  title?: string;
  slogan?: string;
}

export interface Brand {
  name: string;
  logoUrl?: string;
}

export interface Sku {
  skuId: string;
  name: string;
  priceFen: number;
  listPriceFen?: number;
  stock: number;
}

export interface Badge {
  kind: 'group' | 'coupon' | string;
  text: string;
}

export interface GroupDeal {
  dealId: string;
  groupSize: number;
  groupPriceFen: number;
  skuId?: string;
  validHours?: number;
  title?: string;
}

export interface Product {
  id: string;
  title: string;
  subtitle?: string;
  images: string[];
  priceFen: number;
  listPriceFen?: number;
  stock: number;
  skus: Sku[];
  badges?: Badge[];
  groupDeal?: GroupDeal;
  onShelf?: boolean;
}

export interface ShelfView {
  sales: SalesCard | null;
  brand: Brand;
  products: Product[];
}

/** shelf.catalog: the brand's whole catalogue for curating (same product shape as shelf.view). */
export interface Catalog {
  products: Array<Product & { onShelf: boolean }>;
  shelfProductIds: string[];
}

export interface CouponTemplate {
  templateId: string;
  id?: string;
  title?: string;
  name?: string;
  kind?: 'amount_off' | 'percent_off' | 'no_threshold' | string;
  type?: string;
  thresholdFen?: number;
  amountOffFen?: number;
  percentOff?: number;
  maxDiscountFen?: number;
  description?: string;
  text?: string;
  claimed?: boolean;
  canClaim?: boolean;
  claimedByMe?: number;
  rule?: { kind: string; thresholdFen?: number; amountOffFen?: number; percentOff?: number; maxDiscountFen?: number };
  claimable?: boolean;
  remaining?: number;
  endsAt?: string;
  validDays?: number;
}

export interface CouponInstance {
  couponId: string;
  id?: string;
  templateId?: string;
  title?: string;
  name?: string;
  kind?: string;
  thresholdFen?: number;
  amountOffFen?: number;
  percentOff?: number;
  maxDiscountFen?: number;
  status: 'unused' | 'locked' | 'used' | 'expired' | string;
  expiresAt?: string;
  validFrom?: string;
  text?: string;
  description?: string;
  productIds?: string[];
  scope?: unknown;
}

export interface OpenTeam {
  teamId: string;
  missing: number;
  expiresAt: string;
  leaderName?: string;
  leaderAvatarUrl?: string;
}

export interface ProductDetail extends Product {
  coupons?: CouponTemplate[];
  openTeams?: OpenTeam[];
  teams?: OpenTeam[];
  description?: string;
  sales?: SalesCard | null;
}

export interface TeamMember {
  openid?: string;
  name?: string;
  nickName?: string;
  avatarUrl?: string;
  status?: string;
  isLeader?: boolean;
  leader?: boolean;
  joinedAt?: string;
}

export interface Team {
  teamId: string;
  dealId: string;
  productId?: string;
  productTitle?: string;
  productImage?: string;
  product?: Partial<Product>;
  groupSize: number;
  groupPriceFen?: number;
  status: 'forming' | 'succeeded' | 'failed' | string;
  missing?: number;
  seatsTaken?: number;
  expiresAt: string;
  members: TeamMember[];
  joined?: boolean;
  me?: { status?: string; orderId?: string } | null;
  myOrderId?: string;
  skuId?: string;
}

export interface OrderLine {
  lineId: string;
  productId: string;
  skuId?: string;
  title: string;
  skuName?: string;
  image?: string;
  qty: number;
  unitPriceFen?: number;
  priceFen?: number;
  discountFen?: number;
  paidFen?: number;
  status?: string;
}

export interface Order {
  orderId: string;
  id?: string;
  status: string;
  lines: OrderLine[];
  subtotalFen?: number;
  discountFen?: number;
  couponDiscountFen?: number;
  groupDiscountFen?: number;
  shippingFen?: number;
  totalFen: number;
  payableFen?: number;
  createdAt?: string;
  paidAt?: string;
  teamId?: string;
  dealId?: string;
  couponId?: string;
  payment?: unknown;
  expiresAt?: string;
}

export interface Paged<T> {
  items: T[];
  total?: number;
  hasMore?: boolean;
  nextCursor?: string | null;
}
