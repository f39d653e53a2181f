import { useEffect, useState } from 'react';
import Taro, { useShareAppMessage } from '@tarojs/taro';
import { View, Text, Image, Button, Input, Textarea } from '@tarojs/components';
import { Shell } from '../../components/shell';
import { ErrorView, Skeleton } from '../../components/states';
import { ShareBar } from '../../components/share-bar';
import { useBusy } from '../../hooks/use-busy';
import { toastError, useCloud } from '../../hooks/use-cloud';
import { cardApi, materialApi, shelfApi, type CardFields } from '../../services/api';
import { useImageSrcs } from '../../services/images';
import { myOpenid } from '../../services/role';
import { mintShare } from '../../services/share';
import { chooseAndUploadImage } from '../../services/storage';
import { cardFieldsOf } from '../../../../shared/card/card';
import './index.css';

const MAX_FEATURED = 6;

/** What the editor needs at once: the caller's card (as saved, or its defaults), their shelf's products, the materials. */
async function load() {
  const [card, catalog, materials] = await Promise.all([cardApi.get(), shelfApi.catalog(), materialApi.list()]);
  const c = card.card;
  const fields: CardFields = card.saved ?? {
    ...cardFieldsOf(c),
    featuredProductIds: c.featuredProducts.map((p) => p.productId),
    featuredMaterialIds: c.featuredMaterials.map((m) => m.materialId),
  };
  return { salesId: c.salesId, fields, products: catalog.products.filter((p) => p.onShelf), materials: materials.items };
}

function toggle(list: string[], id: string): string[] {
  if (list.includes(id)) return list.filter((x) => x !== id);
  return list.length >= MAX_FEATURED ? list : [...list, id];
}

/** The salesperson edits their business card: photo, who they are, how to reach them, what they feature; then shares it. */
/** A card of options to feature: a tap picks or drops one. */
function PickCard({ title, options, picked, onToggle }: { title: JSX.Element; options: { id: string; title: string }[]; picked: string[]; onToggle: (id: string) => void }) {
  return (
    <View className="card">
      {title}
      {options.map((o) => (
        <View key={o.id} className="cell" onClick={() => onToggle(o.id)}>
          <Text className="ellipsis grow">{o.title}</Text>
          <Text className={picked.includes(o.id) ? 'tag' : 'tag grey'}>{picked.includes(o.id) ? '已选' : '选择'}</Text>
        </View>
      ))}
    </View>
  );
}

export default function CardEditPage() {
  const state = useCloud(load);
  const [form, setForm] = useState<CardFields>();
  const { busy, run } = useBusy();
  useEffect(() => {
    if (state.data && !form) setForm(state.data.fields);
  }, [state.data, form]);
  const salesId = state.data?.salesId ?? myOpenid();
  const src = useImageSrcs([form?.photo, form?.wechatQr]);
  const title = form ? `${form.name}的名片` : '我的名片';
  useShareAppMessage(() => ({ title, path: `/packageShop/card/index?salesId=${salesId}`, promise: mintShare('card', salesId).then((s) => ({ title, path: s.path })) }));

  if (!state.data || !form) return <Shell>{state.error ? <ErrorView error={state.error} onRetry={state.reload} /> : <Skeleton rows={6} />}</Shell>;
  // Functional: an upload that finishes after the user typed must not bring back what they replaced.
  const set = (patch: Partial<CardFields>) => setForm((f) => f && { ...f, ...patch });

  const upload = async (field: 'photo' | 'wechatQr') => {
    try {
      const { fileId } = await chooseAndUploadImage('card');
      set({ [field]: fileId });
    } catch (e) {
      if ((e as { code?: string }).code !== 'CANCELLED') toastError(e);
    }
  };
  const save = () =>
    run(async () => {
      await cardApi.save({ ...form, phone: form.phone?.trim() || null });
      Taro.showToast({ title: '名片已保存', icon: 'success' });
      state.reload();
    });

  return (
    <Shell>
      <View className="card ce-photo-row">
        {form.photo && src[form.photo] ? <Image className="ce-photo" src={src[form.photo]} mode="aspectFill" data-testid="card-photo" /> : <View className="ce-photo" />}
        <Button className="btn-ghost" size="mini" onClick={() => upload('photo')} data-testid="card-upload-photo">
          更换照片
        </Button>
      </View>
      <View className="card">
        <View className="ce-field">
          <Text className="ce-label">姓名</Text>
          <Input className="ce-input" value={form.name} maxlength={20} onInput={(e) => set({ name: e.detail.value })} data-testid="card-name-input" />
        </View>
        <View className="ce-field">
          <Text className="ce-label">职位</Text>
          <Input className="ce-input" value={form.title} maxlength={30} onInput={(e) => set({ title: e.detail.value })} />
        </View>
        <View className="ce-field">
          <Text className="ce-label">电话</Text>
          <Input className="ce-input" type="number" value={form.phone ?? ''} maxlength={20} onInput={(e) => set({ phone: e.detail.value || null })} data-testid="card-phone-input" />
        </View>
        <View className="ce-field">
          <Text className="ce-label">微信二维码</Text>
          {form.wechatQr && src[form.wechatQr] ? <Image className="ce-qr" src={src[form.wechatQr]} mode="aspectFit" /> : <Text className="muted">未上传</Text>}
          <Button className="btn-plain" size="mini" onClick={() => upload('wechatQr')}>
            上传
          </Button>
        </View>
        <View className="ce-field col">
          <Text className="ce-label">简介</Text>
          <Textarea className="ce-textarea" value={form.intro} maxlength={300} onInput={(e) => set({ intro: e.detail.value })} data-testid="card-intro-input" />
        </View>
      </View>
      <PickCard
        title={
          <View className="card-title">
            <Text>推荐商品</Text>
            <Text className="muted">最多 {MAX_FEATURED} 个</Text>
          </View>
        }
        options={state.data.products.map((p) => ({ id: p.id, title: p.title }))}
        picked={form.featuredProductIds}
        onToggle={(id) => set({ featuredProductIds: toggle(form.featuredProductIds, id) })}
      />
      <PickCard
        title={<View className="card-title">推荐素材</View>}
        options={state.data.materials.map((m) => ({ id: m.materialId, title: m.title }))}
        picked={form.featuredMaterialIds}
        onToggle={(id) => set({ featuredMaterialIds: toggle(form.featuredMaterialIds, id) })}
      />
      <View className="card">
        <Button className="btn-primary" disabled={busy || !form.name.trim()} onClick={save} data-testid="card-save">
          保存名片
        </Button>
        <View className="ce-share">
          <ShareBar type="card" id={salesId} page={`/packageShop/card/index?salesId=${salesId}`} label="分享名片" />
        </View>
        <View className="cell" onClick={() => Taro.navigateTo({ url: `/packageShop/card/index?salesId=${salesId}` })}>
          <Text>预览我的名片</Text>
          <Text className="cell-arrow">›</Text>
        </View>
      </View>
    </Shell>
  );
}
