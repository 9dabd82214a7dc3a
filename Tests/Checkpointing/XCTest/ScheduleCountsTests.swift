import XCTest

@testable import Checkpointing

/// The closed forms behind the lesson's trade-off figures (`Schedule.counts(depth:)`) against
/// the independent measurement: one step of the schedule replayed on a real chain, metered by
/// an `ActivationStore`.
final class ScheduleCountsTests: XCTestCase {
  /// Every schedule the lesson states a count of: the trade-off table (store-all, √N segments
  /// and recompute-all at N = 16, 64, 256), the worked examples, and the sweep of K at N = 64.
  func testClosedFormsEqualReplaysForTheLessonsSchedules() throws {
    var cases: [(Schedule, Int)] = []
    for depth in [16, 64, 256] {
      let root = Int(Double(depth).squareRoot().rounded())
      cases += [(.storeAll, depth), (.segments(root), depth), (.recomputeAll, depth)]
    }
    cases += [(.segments(4), 16), (.segments(16), 256)]
    cases += (1...64).map { (.segments($0), 64) }
    for (schedule, depth) in cases {
      try assertCountsEqualReplay(schedule, depth: depth)
    }
  }

  /// Short chains, every segment length up to past the depth: the edges of the closed forms
  /// (one segment, a last segment of one layer, recompute-all below four activations).
  func testClosedFormsEqualReplaysOnShortChains() throws {
    for depth in 1...12 {
      let schedules = [Schedule.storeAll, .recomputeAll] + (1...(depth + 1)).map(Schedule.segments)
      for schedule in schedules {
        try assertCountsEqualReplay(schedule, depth: depth)
      }
    }
  }

  private func assertCountsEqualReplay(
    _ schedule: Schedule, depth: Int, file: StaticString = #filePath, line: UInt = #line
  ) throws {
    let replay = try schedule.replay(depth: depth)
    let measured = ScheduleCounts(
      peakLive: replay.store.peakLiveCount, liveAtTurn: replay.liveAtTurn,
      extraForwards: replay.extraForwards)
    XCTAssertEqual(
      schedule.counts(depth: depth), measured, "\(schedule) at depth \(depth)", file: file,
      line: line)
  }
}
