import { useState } from 'react';
import { useRouter } from '@tarojs/taro';

/** The tab a page opens on: the `status` in its link when it is one of `tabs`, else the first. */
export function useStatusParam<S extends string>(tabs: readonly S[]) {
  const wanted = useRouter().params.status ?? '';
  return useState<S>((tabs as readonly string[]).includes(wanted) ? (wanted as S) : tabs[0]);
}
