import Harness
import HarnessXCTest
import TrainingMemoryGraders
import XCTest

#if canImport(TrainingMemorySolutions)
  import TrainingMemoryExercises
  import TrainingMemorySolutions

  /// The maintainers' half (`make test`): the same graders pass Solutions/ and fail the stubs.
  final class TrainingMemoryEditionTests: XCTestCase {

    func testSolutionsPass() {
      let exercises = TrainingMemoryGraders.exercises(
        peak: TrainingMemorySolutions.PeakEstimator(),
        adam: TrainingMemorySolutions.AdamOptimizer.self,
        accountant: TrainingMemorySolutions.MemoryAccountant())
      for exercise in exercises { assertSolutionPasses(exercise) }
    }

    func testStubsFailEveryCheck() {
      let exercises = TrainingMemoryGraders.exercises(
        peak: TrainingMemoryExercises.PeakEstimator(),
        adam: TrainingMemoryExercises.AdamOptimizer.self,
        accountant: TrainingMemoryExercises.MemoryAccountant())
      for exercise in exercises { assertEveryCheckFails(exercise) }
    }

    func testSolutionsPassThroughTheJudge() {
      assertJudged(
        recording: { tape in
          TrainingMemoryGraders.recording(
            on: tape, peak: TrainingMemorySolutions.PeakEstimator(),
            adam: TrainingMemorySolutions.AdamOptimizer.self,
            accountant: TrainingMemorySolutions.MemoryAccountant())
        }, replaying: TrainingMemoryGraders.replaying(on:), solved: true)
    }

    func testStubsFailThroughTheJudge() {
      assertJudged(
        recording: { tape in
          TrainingMemoryGraders.recording(
            on: tape, peak: TrainingMemoryExercises.PeakEstimator(),
            adam: TrainingMemoryExercises.AdamOptimizer.self,
            accountant: TrainingMemoryExercises.MemoryAccountant())
        }, replaying: TrainingMemoryGraders.replaying(on:), solved: false)
    }
  }
#endif
