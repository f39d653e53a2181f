import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Button } from '@tarojs/components';
import { SalesCard } from '../../components/sales-card';
import { toastError, useCloud } from '../../hooks/use-cloud';
import { salesApi, shelfApi } from '../../services/api';
import { errorCode } from '../../services/errors';
import { chooseAndUploadImage, deleteUpload } from '../../services/storage';

/**
 * The salesperson's card as customers see it on the shelf, with their avatar to change: a picture
 * they pick is uploaded to their own folder in storage, set with sales.setAvatar, and shown from
 * its temporary URL; the upload it replaces, or the one they remove, is deleted.
 */
export function MyCard({ salesId }: { salesId: string }) {
  const card = useCloud(() => shelfApi.view(salesId), [salesId], { skip: !salesId });
  const [busy, setBusy] = useState(false);

  const apply = async (fileId: string | null) => {
    const r = await salesApi.setAvatar(fileId);
    // The card shows the new picture before the old one goes: it never points at a deleted file.
    await card.reload();
    if (r.previousFileId) await deleteUpload(r.previousFileId).catch(() => undefined);
  };

  const change = async () => {
    setBusy(true);
    try {
      const uploaded = await chooseAndUploadImage('avatar', salesId);
      await apply(uploaded.fileId);
      Taro.showToast({ title: '头像已更新', icon: 'success' });
    } catch (e) {
      if (errorCode(e) !== 'CANCELLED') toastError(e);
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    setBusy(true);
    try {
      await apply(null);
      Taro.showToast({ title: '头像已移除', icon: 'success' });
    } catch (e) {
      toastError(e);
    } finally {
      setBusy(false);
    }
  };

  if (!card.data) return null;
  return (
    <View className="card" data-testid="my-card">
      <View className="card-title">我的名片</View>
      <SalesCard sales={card.data.sales} brand={card.data.brand} />
      <View className="row wb-card-actions">
        <Button className="btn-ghost" size="mini" onClick={change} disabled={busy} data-testid="avatar-change">
          更换头像
        </Button>
        {card.data.sales.avatarUrl ? (
          <Button className="btn-plain" size="mini" onClick={remove} disabled={busy} data-testid="avatar-remove">
            移除头像
          </Button>
        ) : null}
      </View>
    </View>
  );
}
