// Reference code: it computes exercises' answers, for the figures, pictures and tools.
// Solve the exercises before you read it; contracts and harness types are one folder up.

/// What one replayed step of a schedule measures, from the schedule's closed form: the lesson's
/// trade-off figures need only these counts, and replaying recompute-all at depth 256 runs
/// 32 640 extra layer forwards to find them. `ScheduleCountsTests` proves each count equal to
/// a replay on a real `ActivationStore` for every schedule the lesson states a figure of.
struct ScheduleCounts: Equatable {
  /// The most activations live at once (the store's `peakLiveCount`).
  let peakLive: Int
  /// Activations live when the forward pass ends.
  let liveAtTurn: Int
  /// Layer forwards beyond the N of the forward pass.
  let extraForwards: Int
}

extension Schedule {
  /// The counts of one step of this schedule on a chain of `depth` layers (depth and segment
  /// length at least 1), as `replay(depth:)` measures them.
  func counts(depth: Int) -> ScheduleCounts {
    switch self {
    case .storeAll: return Schedule.segments(1).counts(depth: depth)
    case .segments(let length):
      // Segments start at 0, K, 2K, …, the last one at last·K; the forward pass keeps their
      // first activations and the output.
      let last = (depth - 1) / length
      // Backward through the last segment keeps the last + 1 checkpoints, its recomputed
      // activations and the output; through an earlier one, s·K, the s + 1 checkpoints below
      // it, its K − 1 recomputed activations and the next checkpoint. The forward pass never
      // keeps more than the last segment's backward.
      let lastSegment = (last + 1) + (depth - last * length - 1) + 1
      let earlierSegment = last > 0 ? last + length : 0
      return ScheduleCounts(
        peakLive: max(lastSegment, earlierSegment), liveAtTurn: last + 2,
        extraForwards: depth - (last + 1))
    case .recomputeAll:
      // Recomputing layer L's input keeps x₀, the activation computed, the one it is computed
      // from and layer L's output: four at most. Layer L's backward recomputes L layers.
      return ScheduleCounts(
        peakLive: min(depth + 1, 4), liveAtTurn: 2, extraForwards: depth * (depth - 1) / 2)
    }
  }
}
