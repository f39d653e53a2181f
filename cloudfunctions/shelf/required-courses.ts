import { store } from '../_platform';

/**
 * A `$lookup` for the salesperson row of shelf.view's aggregate: the published courses marked
 * required before a shelf goes live, each with only the fields the gate reads and that
 * salesperson's progress in it (`requiredCourses: [{course, progress}]`, for shared/training's
 * `decideShelfLive`). Adds no round trip: it runs inside the shelf's one aggregate.
 */
export function requiredCoursesLookup() {
  const _ = store.command();
  const $ = _.aggregate;
  return {
    from: 'courses',
    let: { sid: '$_id' },
    pipeline: $.pipeline()
      .match({ status: 'published', requiredBeforeLive: true })
      .limit(50)
      .project({ _id: 1, title: 1, status: 1, requiredBeforeLive: 1, assignAll: 1, pid: $.concat(['$_id', ':', '$$sid']) })
      .lookup({
        from: 'training_progress',
        let: { pid: '$pid' },
        pipeline: $.pipeline()
          .match(_.expr($.eq(['$_id', '$$pid'])))
          .project({ completedAt: 1 })
          .done(),
        as: 'progress',
      })
      .project({ _id: 0, course: { _id: '$_id', title: '$title', status: '$status', requiredBeforeLive: '$requiredBeforeLive', assignAll: '$assignAll' }, progress: $.arrayElemAt(['$progress', 0]) })
      .done(),
    as: 'requiredCourses',
  };
}
