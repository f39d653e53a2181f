import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text, Button, Image, Input } from '@tarojs/components';
import { toastError } from '../hooks/use-cloud';
import { meApi, type MyProfile } from '../services/api';
import { errorCode } from '../services/errors';
import { chooseAndUploadImage, uploadImageFile, type UploadedFile } from '../services/storage';
import { Sheet } from './sheet';
import './profile-sheet.css';

const WEAPP = process.env.TARO_ENV === 'weapp';

/**
 * The customer's avatar and nickname, chosen with WeChat's own components: `<Button
 * openType="chooseAvatar">` (WeChat hands back a temporary image, uploaded to the customer's
 * `uploads/` folder) and `<Input type="nickname">` (WeChat offers the WeChat nickname above the
 * keyboard). h5: the same sheet with the storage service's image picker. Closing it never blocks
 * anything. A save hands the saved profile to `onSaved`, then closes the sheet.
 */
export function ProfileSheet({ profile, onClose, onSaved }: { profile: MyProfile; onClose: () => void; onSaved: (p: MyProfile) => void }) {
  const [nickname, setNickname] = useState(profile.nickname ?? '');
  const [avatar, setAvatar] = useState<Partial<UploadedFile>>({ url: profile.avatarUrl ?? undefined });
  const [busy, setBusy] = useState(false);

  const upload = async (pick: () => Promise<UploadedFile>) => {
    setBusy(true);
    try {
      setAvatar(await pick());
    } catch (e) {
      if (errorCode(e) !== 'CANCELLED') toastError(e);
    } finally {
      setBusy(false);
    }
  };
  const onChooseAvatar = (e: { detail: { avatarUrl?: string } }) => {
    const temp = e.detail.avatarUrl;
    if (temp) upload(() => uploadImageFile('avatar', temp, profile.openid));
  };
  const save = async () => {
    const name = nickname.trim();
    if (!name) return Taro.showToast({ title: '请填写昵称', icon: 'none' });
    setBusy(true);
    try {
      onSaved(await meApi.saveProfile(name, avatar.fileId));
      onClose();
      Taro.showToast({ title: '已保存', icon: 'success' });
    } catch (e) {
      toastError(e);
    } finally {
      setBusy(false);
    }
  };

  const face = avatar.url ? <Image className="tr-avatar" src={avatar.url} mode="aspectFill" data-testid="profile-avatar-img" /> : <Text className="muted">头像</Text>;
  return (
    <Sheet title="设置头像和昵称" onClose={onClose} testid="profile-sheet">
      <View className="tr-profile">
        {WEAPP ? (
          <Button className="tr-avatar-btn" openType="chooseAvatar" onChooseAvatar={onChooseAvatar} disabled={busy} data-testid="profile-avatar">
            {face}
          </Button>
        ) : (
          <Button className="tr-avatar-btn" onClick={() => upload(() => chooseAndUploadImage('avatar', profile.openid))} disabled={busy} data-testid="profile-avatar">
            {face}
          </Button>
        )}
        <Text className="muted">点击更换头像</Text>
      </View>
      <Text className="muted">昵称（最多20个字）</Text>
      <Input
        className="tr-input"
        type={WEAPP ? 'nickname' : 'text'}
        value={nickname}
        maxlength={20}
        placeholder="请输入昵称"
        onInput={(e) => setNickname(e.detail.value)}
        onBlur={(e) => setNickname(e.detail.value)}
        data-testid="profile-nickname"
      />
      <Button className="btn-primary" onClick={save} disabled={busy} data-testid="profile-save">
        保存
      </Button>
    </Sheet>
  );
}
