import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View, Text, Button, Input, Switch } from '@tarojs/components';
import { Shell } from '../../components/shell';
import { Empty, Loadable, Skeleton } from '../../components/states';
import { toastError, useCloud } from '../../hooks/use-cloud';
import { addressApi, type AddressInput, type BookAddress } from '../../services/api';
import { addressFromWeChat, chooseAddressForCheckout, fieldErrorsOf } from '../../services/address-choice';
import { CloudError } from '../../services/errors';
import './index.css';

const FIELDS: Array<{ key: keyof AddressInput & string; label: string; placeholder: string; type?: 'number' }> = [
  { key: 'name', label: '收货人', placeholder: '姓名' },
  { key: 'phone', label: '手机号', placeholder: '11位手机号', type: 'number' },
  { key: 'province', label: '省份', placeholder: '如 广东省' },
  { key: 'city', label: '城市', placeholder: '如 深圳市' },
  { key: 'district', label: '区县', placeholder: '如 南山区' },
  { key: 'detail', label: '详细地址', placeholder: '街道、门牌号' },
  { key: 'postalCode', label: '邮编（选填）', placeholder: '6位数字', type: 'number' },
];

/** The form's values as typed. */
type Draft = Record<string, string> & { addressId?: string };

/**
 * The customer's address book: pick one for checkout (`?select=1`), add one (weapp: import from
 * WeChat with chooseAddress; h5: the form), edit, remove, make one the default. The server checks
 * every field and names the wrong ones; the form shows each under its field.
 */
export default function AddressPage() {
  const { params } = useRouter();
  const selecting = params.select === '1';
  const book = useCloud(() => addressApi.list());
  const [draft, setDraft] = useState<Draft | null>(null);
  const [importErrors, setImportErrors] = useState<Record<string, string>>({});

  const pick = (a: BookAddress) => {
    if (!selecting) return setDraft(draftOf(a));
    chooseAddressForCheckout(a.addressId);
    Taro.navigateBack();
  };
  const saved = (addressId: string) => {
    setDraft(null);
    setImportErrors({});
    if (selecting) {
      chooseAddressForCheckout(addressId);
      Taro.navigateBack();
    } else book.reload();
  };
  const importFromWeChat = async () => {
    let picked: Taro.chooseAddress.SuccessCallbackResult;
    try {
      picked = await Taro.chooseAddress();
    } catch {
      return; // the customer closed WeChat's sheet
    }
    const input = addressFromWeChat(picked);
    try {
      saved((await addressApi.save(input)).addressId);
    } catch (e) {
      // A field WeChat gave that we refuse (e.g. a number outside the mainland): fix it in the form.
      const named = e instanceof CloudError && e.code === 'INVALID_ARGUMENT' ? fieldErrorsOf(e.detail) : {};
      if (Object.keys(named).length) {
        setImportErrors(named);
        setDraft(draftFromInput(input));
      } else toastError(e);
    }
  };

  if (draft) return <AddressForm draft={draft} errors={importErrors} onSaved={saved} onCancel={() => (setDraft(null), setImportErrors({}))} />;
  return (
    <Shell>
      <Loadable state={book} skeleton={<Skeleton rows={3} />}>
        {(b) => (
          <View>
            {b.addresses.length === 0 ? <Empty text="还没有收货地址" hint="添加一个地址，下单时使用" /> : null}
            {b.addresses.map((a) => (
              <View key={a.addressId} className="card row addr-row" onClick={() => pick(a)} data-testid={`address-${a.addressId}`}>
                <View className="addr-main">
                  <View className="addr-who">
                    {a.name} {a.phone} {a.isDefault ? <Text className="tag">默认</Text> : null}
                  </View>
                  <Text className="addr-where">{`${a.province}${a.city}${a.district} ${a.detail}`}</Text>
                </View>
                {selecting ? (
                  <Text className="cell-arrow" onClick={(e) => (e.stopPropagation(), setDraft(draftOf(a)))}>
                    编辑
                  </Text>
                ) : null}
              </View>
            ))}
            <View className="card">
              {process.env.TARO_ENV === 'weapp' ? (
                <Button className="btn-ghost" onClick={importFromWeChat} data-testid="address-wechat">
                  从微信导入地址
                </Button>
              ) : null}
              <Button className="btn-primary" disabled={b.addresses.length >= b.max} onClick={() => setDraft({})} data-testid="address-add">
                {b.addresses.length >= b.max ? `最多${b.max}个地址` : '新增收货地址'}
              </Button>
            </View>
          </View>
        )}
      </Loadable>
    </Shell>
  );
}

function draftFromInput(a: AddressInput): Draft {
  return { name: a.name, phone: a.phone, province: a.province, city: a.city, district: a.district, detail: a.detail, postalCode: a.postalCode ?? '' };
}

function draftOf(a: BookAddress): Draft {
  return { addressId: a.addressId, name: a.name, phone: a.phone, province: a.province, city: a.city, district: a.district, detail: a.detail, postalCode: a.postalCode ?? '', isDefault: a.isDefault ? '1' : '' };
}

function AddressForm(props: { draft: Draft; errors: Record<string, string>; onSaved: (addressId: string) => void; onCancel: () => void }) {
  const { draft, onSaved, onCancel } = props;
  const [d, setD] = useState<Draft>(draft);
  const [errors, setErrors] = useState<Record<string, string>>(props.errors);
  const [busy, setBusy] = useState(false);
  const set = (key: string, value: string) => setD((old) => ({ ...old, [key]: value }));

  const save = async () => {
    setBusy(true);
    setErrors({});
    try {
      const input: AddressInput = {
        ...(d.addressId ? { addressId: d.addressId } : {}),
        name: d.name ?? '',
        phone: d.phone ?? '',
        province: d.province ?? '',
        city: d.city ?? '',
        district: d.district ?? '',
        detail: d.detail ?? '',
        ...(d.postalCode ? { postalCode: d.postalCode } : {}),
        isDefault: d.isDefault === '1',
      };
      onSaved((await addressApi.save(input)).addressId);
    } catch (e) {
      const named = e instanceof CloudError && e.code === 'INVALID_ARGUMENT' ? fieldErrorsOf(e.detail) : {};
      if (Object.keys(named).length) setErrors(named);
      else toastError(e);
    } finally {
      setBusy(false);
    }
  };
  const remove = async () => {
    if (!d.addressId) return;
    try {
      await addressApi.remove(d.addressId);
      onCancel();
    } catch (e) {
      toastError(e);
    }
  };

  return (
    <Shell>
      <View className="card">
        <View className="card-title">{d.addressId ? '编辑地址' : '新增地址'}</View>
        {FIELDS.map((f) => (
          <View key={f.key} className="addr-field">
            <Text>{f.label}</Text>
            <Input value={d[f.key] ?? ''} type={f.type ?? 'text'} placeholder={f.placeholder} onInput={(e) => set(f.key, e.detail.value)} data-testid={`address-${f.key}`} />
            {errors[f.key] ? (
              <Text className="addr-error" data-testid={`address-error-${f.key}`}>
                {errors[f.key]}
              </Text>
            ) : null}
          </View>
        ))}
        <View className="cell">
          <Text>设为默认地址</Text>
          <Switch checked={d.isDefault === '1'} onChange={(e) => set('isDefault', e.detail.value ? '1' : '')} />
        </View>
        <View className="addr-actions">
          {d.addressId ? (
            <Button className="btn-plain addr-btn" onClick={remove}>
              删除
            </Button>
          ) : null}
          <Button className="btn-plain addr-btn" onClick={onCancel}>
            取消
          </Button>
          <Button className="btn-primary addr-btn" disabled={busy} onClick={save} data-testid="address-save">
            {busy ? '保存中…' : '保存'}
          </Button>
        </View>
      </View>
    </Shell>
  );
}
