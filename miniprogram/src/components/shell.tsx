import type { PropsWithChildren } from 'react';
import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { captureShare } from '../services/share';
import { isSinglePageMode } from '../utils/launch';
import { SinglePageLanding } from './single-page-landing';

// The persona switcher exists only in the h5 build: webpack drops this require for weapp.
const H5Persona: (() => JSX.Element) | null =
  process.env.TARO_ENV === 'h5' ? require('./persona-switcher').PersonaSwitcher : null;

/**
 * Root of every page: reads the share id of the page's own query, adds h5 dev tools. In
 * single-page mode (Moments) it shows the single-page landing instead of the page.
 */
export function Shell({ children, className = '' }: PropsWithChildren<{ className?: string }>) {
  const router = useRouter();
  captureShare(router.params as Record<string, string | undefined>);
  return (
    <View className={`page ${className}`}>
      {isSinglePageMode() ? <SinglePageLanding /> : children}
      {H5Persona ? <H5Persona /> : null}
    </View>
  );
}
