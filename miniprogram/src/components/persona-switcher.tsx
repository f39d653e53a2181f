import { useEffect, useState } from 'react';
import { View, Text } from '@tarojs/components';
import { currentPersona, fetchPersonas, setPersona, type Persona } from '../services/persona';
import { reloadWithout } from '../utils/reload-without';
import './persona-switcher.css';

const ROLE_TEXT: Record<string, string> = { customer: '顾客', sales: '销售', boss: '老板', ops: '运营' };

/**
 * h5 only (imported behind `process.env.TARO_ENV === 'h5'`, so absent from the weapp build):
 * lets one person play every seeded persona of the local cloud.
 */
export function PersonaSwitcher() {
  const [open, setOpen] = useState(false);
  const [list, setList] = useState<Persona[]>([]);
  const [failed, setFailed] = useState(false);
  const [me, setMe] = useState<Persona | undefined>(currentPersona());

  useEffect(() => {
    fetchPersonas()
      .then((ps) => {
        setList(ps);
        const cur = currentPersona();
        const match = cur && ps.find((p) => p.openid === cur.openid);
        if (match) {
          setPersona(match);
          setMe(match);
        } else if (!cur && ps.length) {
          // First visit: play the first customer so the shop works out of the box.
          const first = ps.find((p) => p.role === 'customer') || ps[0];
          setPersona(first);
          setMe(first);
          window.location.reload();
        }
      })
      .catch(() => setFailed(true));
  }, []);

  const choose = (p: Persona) => {
    setPersona(p);
    setOpen(false);
    // Drop ?as= so the choice sticks, then reload everything as the new person.
    reloadWithout('as');
  };

  return (
    <View className="persona">
      <View className="persona-pill" onClick={() => setOpen(!open)} data-testid="persona-pill">
        <Text>{me ? `${me.name} · ${ROLE_TEXT[me.role] || me.role}` : failed ? '未连接本地云' : '选择身份'}</Text>
        <Text className="persona-caret">▾</Text>
      </View>
      {open ? (
        <View className="persona-list">
          <View className="persona-head">本地调试：切换身份</View>
          {list.map((p) => (
            <View key={p.openid} className={`persona-item ${me?.openid === p.openid ? 'on' : ''}`} onClick={() => choose(p)} data-openid={p.openid}>
              <Text>{p.name}</Text>
              <Text className="persona-role">{ROLE_TEXT[p.role] || p.role}</Text>
            </View>
          ))}
          {!list.length ? <View className="persona-item">{failed ? '无法读取 /_emulator/personas' : '加载中…'}</View> : null}
        </View>
      ) : null}
    </View>
  );
}
