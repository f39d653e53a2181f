import { View, Image, Swiper, SwiperItem } from '@tarojs/components';

/**
 * Product images. weapp: the native Swiper. h5: a CSS scroll-snap strip — Taro's H5 Swiper pulls
 * in the whole swiper.js bundle (~170 KB) that every h5 page would download with the shared
 * component chunk; the constant TARO_ENV branch lets webpack drop the Swiper import from h5.
 */
export function Gallery({ images, className }: { images?: string[]; className: string }) {
  const list = images?.length ? images : [''];
  const slide = (src: string) => (src ? <Image className="gallery-img" src={src} mode="aspectFill" /> : <View className="gallery-img" />);
  if (process.env.TARO_ENV === 'h5') {
    return (
      <View className={`${className} gallery`} data-testid="gallery">
        <View className="gallery-snap">
          {list.map((src, i) => (
            <View key={i} className="gallery-slide">
              {slide(src)}
            </View>
          ))}
        </View>
        {list.length > 1 ? <View className="gallery-count">{`共 ${list.length} 张 · 左右滑动`}</View> : null}
      </View>
    );
  } else {
    return (
      <Swiper className={className} indicatorDots={list.length > 1} circular>
        {list.map((src, i) => (
          <SwiperItem key={i}>{slide(src)}</SwiperItem>
        ))}
      </Swiper>
    );
  }
}
