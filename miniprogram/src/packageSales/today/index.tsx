import { Shell } from '../../components/shell';
import { FollowUpList } from '../../components/follow-up-list';
import { Loadable, Skeleton } from '../../components/states';
import { useCloud } from '../../hooks/use-cloud';
import { customerApi } from '../../services/api';

/** Today's follow-ups: customers to contact now, ranked, with the reasons. */
export default function TodayPage() {
  const state = useCloud(() => customerApi.today());
  return (
    <Shell>
      <Loadable state={state} skeleton={<Skeleton rows={5} />}>
        {(d) => <FollowUpList rows={d.items} />}
      </Loadable>
    </Shell>
  );
}
