import { useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View, Text, Image, Button, Input } from '@tarojs/components';
import { Shell } from '../../components/shell';
import { ErrorView, Skeleton } from '../../components/states';
import { useBusy } from '../../hooks/use-busy';
import { toastError, useCloud } from '../../hooks/use-cloud';
import { catalogApi, newIdempotencyKey, type CatalogProduct } from '../../services/api';
import { CloudError } from '../../services/errors';
import { chooseAndUploadImage } from '../../services/storage';
import { formatFen } from '../../utils/money';
import { blankSku, formOf, toSave, type ProductForm, type SkuRow } from './form';
import '../backoffice.css';

function Field(props: { label: string; value: string; placeholder?: string; testid: string; onInput: (v: string) => void }) {
  return (
    <View className="bo-field">
      <Text className="bo-label">{props.label}</Text>
      <Input className="bo-input" value={props.value} placeholder={props.placeholder} onInput={(e) => props.onInput(e.detail.value)} data-testid={props.testid} />
    </View>
  );
}

/** Stock in or out for one existing SKU, with a reason (catalog.adjustStock, audited). */
function StockAdjuster({ sku, onDone }: { sku: SkuRow; onDone: (stockAfter: number | null, delta: number) => void }) {
  const [delta, setDelta] = useState('');
  const [reason, setReason] = useState('');
  const [key, setKey] = useState(newIdempotencyKey);
  const { busy, run } = useBusy();
  const apply = async () => {
    const n = Number(delta);
    if (!/^[+-]?\d+$/.test(delta.trim()) || n === 0) return Taro.showToast({ title: '请输入非 0 的整数（负数为出库）', icon: 'none' });
    if (!reason.trim()) return Taro.showToast({ title: '请填写调整原因', icon: 'none' });
    await run(
      async () => {
        const r = await catalogApi.adjustStock(sku.skuId!, n, reason.trim(), key);
        onDone(r.stockAfter, n);
        setDelta('');
        setReason('');
        setKey(newIdempotencyKey());
        Taro.showToast({ title: '库存已调整', icon: 'success' });
      },
      // FAILED_PRECONDITION: not that much in stock.
      (e) => (e instanceof CloudError && e.code === 'FAILED_PRECONDITION' ? Taro.showToast({ title: '库存不足，不能出库这么多', icon: 'none' }) : toastError(e)),
    );
  };
  return (
    <View className="bo-sku-line">
      <Input className="bo-input-small" type="text" value={delta} placeholder="+10 / -3" onInput={(e) => setDelta(e.detail.value)} data-testid={`adjust-delta-${sku.skuId}`} />
      <Input className="bo-input-small" value={reason} placeholder="原因" onInput={(e) => setReason(e.detail.value)} data-testid={`adjust-reason-${sku.skuId}`} />
      <Button className="btn-ghost" size="mini" disabled={busy} onClick={apply} data-testid={`adjust-apply-${sku.skuId}`}>
        调整库存
      </Button>
    </View>
  );
}

/** Create or edit a product: fields, images (uploaded to storage), SKUs with prices and first stock; stock of an existing SKU by adjustment. */
export default function ProductEditPage() {
  const { params } = useRouter();
  const id = params.id ? decodeURIComponent(params.id) : undefined;
  const loaded = useCloud(() => (id ? catalogApi.get(id) : Promise.resolve(undefined)), [id]);
  useEffect(() => {
    Taro.setNavigationBarTitle({ title: id ? '编辑商品' : '新建商品' });
  }, [id]);
  if (id && loaded.data === undefined) {
    return <Shell>{loaded.error ? <ErrorView error={loaded.error} onRetry={loaded.reload} /> : <Skeleton rows={5} />}</Shell>;
  }
  // Mounted once the product is here, so every input starts with its value (Taro's h5 input fails
  // on a value changed while it is still mounting).
  return <ProductEditor product={loaded.data} justSaved={!!params.saved} />;
}

function ProductEditor({ product, justSaved }: { product?: CatalogProduct; justSaved: boolean }) {
  const id = product?.productId;
  const [form, setForm] = useState<ProductForm>(() => formOf(product));
  const [key, setKey] = useState(newIdempotencyKey);
  const { busy, run } = useBusy();

  const set = (patch: Partial<ProductForm>) => setForm((f) => ({ ...f, ...patch }));
  const setSku = (k: string, patch: Partial<SkuRow>) => setForm((f) => ({ ...f, skus: f.skus.map((s) => (s.key === k ? { ...s, ...patch } : s)) }));

  const addImage = async () => {
    try {
      const file = await chooseAndUploadImage('product');
      setForm((f) => ({ ...f, images: [...f.images, file] }));
    } catch (e) {
      if (!(e instanceof CloudError && e.code === 'CANCELLED')) toastError(e);
    }
  };

  const save = async () => {
    const checked = toSave(form);
    if ('problem' in checked) return Taro.showToast({ title: checked.problem, icon: 'none' });
    await run(async () => {
      const saved = await catalogApi.save(checked.save, key);
      setKey(newIdempotencyKey());
      Taro.showToast({ title: '已保存', icon: 'success' });
      if (!id) Taro.redirectTo({ url: `/packageBoss/product-edit/index?id=${encodeURIComponent(saved.productId)}&saved=1` });
      else setForm(formOf(saved));
    });
  };

  return (
    <Shell>
      {justSaved ? (
        <View className="card" data-testid="product-saved">
          <Text>已保存：新商品默认未上架，在“商品管理”中上架后销售即可选入货架</Text>
        </View>
      ) : null}
      <View className="card">
        <Field label="标题" value={form.title} placeholder="如：明前龙井 特级" testid="pe-title" onInput={(title) => set({ title })} />
        <Field label="副标题" value={form.subtitle} placeholder="产地、卖点（选填）" testid="pe-subtitle" onInput={(subtitle) => set({ subtitle })} />
        <Field label="类目" value={form.category} placeholder="如：茶叶" testid="pe-category" onInput={(category) => set({ category })} />
        <View className="bo-images">
          {form.images.map((img, i) => (
            <View key={img.fileId} className="bo-image" data-testid="pe-image">
              <Image className="bo-thumb" src={img.url} mode="aspectFill" />
              <Text className="bo-image-remove" onClick={() => set({ images: form.images.filter((_, j) => j !== i) })}>
                ×
              </Text>
            </View>
          ))}
          {form.images.length < 9 ? (
            <View className="bo-add" onClick={addImage} data-testid="pe-add-image">
              +
            </View>
          ) : null}
        </View>
      </View>
      <View className="card">
        <View className="card-title">
          <Text>规格与价格</Text>
          <Button className="btn-ghost" size="mini" onClick={() => set({ skus: [...form.skus, blankSku()] })} data-testid="pe-add-sku">
            添加规格
          </Button>
        </View>
        {form.skus.map((s, i) => (
          <View key={s.key} className="bo-sku" data-testid={`pe-sku-${i}`}>
            <View className="bo-sku-line">
              <Text className="muted">规格 {i + 1}</Text>
              <Input className="bo-input-small" value={s.name} placeholder="名称" onInput={(e) => setSku(s.key, { name: e.detail.value })} data-testid={`pe-sku-name-${i}`} />
            </View>
            <View className="bo-sku-line">
              <Text>售价（元）</Text>
              <Input className="bo-input-small" type="digit" value={s.price} onInput={(e) => setSku(s.key, { price: e.detail.value })} data-testid={`pe-sku-price-${i}`} />
            </View>
            <View className="bo-sku-line">
              <Text>划线价（元）</Text>
              <Input className="bo-input-small" type="digit" value={s.listPrice} placeholder="同售价" onInput={(e) => setSku(s.key, { listPrice: e.detail.value })} data-testid={`pe-sku-list-${i}`} />
            </View>
            {s.skuId ? (
              <View>
                <View className="bo-sku-line">
                  <Text>库存</Text>
                  <Text data-testid={`pe-sku-left-${i}`}>
                    剩 {s.left} · 已售 {s.sold}
                  </Text>
                </View>
                <StockAdjuster sku={s} onDone={(after, delta) => setSku(s.key, { left: after ?? (s.left ?? 0) + delta })} />
              </View>
            ) : (
              <View className="bo-sku-line">
                <Text>初始库存</Text>
                <Input className="bo-input-small" type="number" value={s.stock} onInput={(e) => setSku(s.key, { stock: e.detail.value })} data-testid={`pe-sku-stock-${i}`} />
              </View>
            )}
            {s.skuId ? null : (
              <Text className="muted" onClick={() => set({ skus: form.skus.filter((x) => x.key !== s.key) })}>
                删除此规格
              </Text>
            )}
          </View>
        ))}
        {product ? <Text className="muted">合计库存 {product.stock} 件 · 最低价 {formatFen(Math.min(...product.skus.map((x) => x.priceFen)))}</Text> : null}
      </View>
      <View className="bottom-space" />
      <View className="bottom-bar">
        <Button className="btn-primary grow" disabled={busy} onClick={save} data-testid="pe-save">
          保存商品
        </Button>
      </View>
    </Shell>
  );
}
