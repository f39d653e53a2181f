import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro';
import { View, Text, Image, Button } from '@tarojs/components';
import { Shell } from '../../components/shell';
import { Loadable, Skeleton } from '../../components/states';
import { MaterialBody, contentRefs } from '../../components/material-body';
import { useCloud } from '../../hooks/use-cloud';
import { useVisitProgress } from '../../hooks/use-visit-progress';
import { materialApi } from '../../services/api';
import { useImageSrcs } from '../../services/images';
import { mintShare } from '../../services/share';
import { KIND_TEXT } from '../../utils/briefcase-text';
import './index.css';

const PAGE = '/packageShop/material/index';

/** A customer reading a material (opened from a share): the content, its product, time and depth reported. */
export default function MaterialPage() {
  const { params } = useRouter();
  const id = params.id || '';
  const state = useCloud(() => materialApi.get(id), [id]);
  const m = state.data?.material;
  const src = useImageSrcs(m ? [m.cover, ...contentRefs(m.content)] : []);
  const depth = useVisitProgress(state.data?.visitId, '.mat-page');
  const title = m?.title ?? '好内容分享';
  useShareAppMessage(() => ({ title, path: `${PAGE}?id=${id}`, promise: mintShare('material', id).then((s) => ({ title, path: s.path })) }));

  return (
    <Shell className="mat-page">
      <Loadable state={state} skeleton={<Skeleton rows={6} />}>
        {(d) => (
          <View data-testid="material-page" data-depth={depth}>
            {src[d.material.cover] ? <Image className="mat-cover" src={src[d.material.cover]} mode="aspectFill" /> : null}
            <View className="card mat-card">
              <Text className="mat-kind">{KIND_TEXT[d.material.kind] ?? d.material.kind}</Text>
              <Text className="mat-title" data-testid="material-title">{d.material.title}</Text>
              {d.material.summary ? <Text className="muted">{d.material.summary}</Text> : null}
              <View className="mat-body">
                <MaterialBody content={d.material.content} src={src} />
              </View>
              {d.material.productId ? (
                <Button className="btn-primary mat-cta" onClick={() => Taro.navigateTo({ url: `/packageShop/product/index?id=${d.material.productId}` })}>
                  看看文中好物
                </Button>
              ) : null}
            </View>
          </View>
        )}
      </Loadable>
    </Shell>
  );
}
