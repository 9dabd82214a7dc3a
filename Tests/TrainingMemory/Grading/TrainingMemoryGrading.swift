import HarnessXCTest
import XCTest

/// Your `swift test`: grades each exercise of Exercises/TrainingMemory in its own process (a crash or a
/// hang in one never hides another's result). The failing checks of your next exercise are
/// shown in full; the summary at the end says where every exercise stands.
final class TrainingMemoryExercises: XCTestCase {
  func testTrainingPeak() { CourseGrading.shared.assertPasses("TrainingPeak") }
  func testAdamStep() { CourseGrading.shared.assertPasses("AdamStep") }
  func testMemoryBreakdown() { CourseGrading.shared.assertPasses("MemoryBreakdown") }
}
