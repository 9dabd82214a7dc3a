#if canImport(CheckpointingSolutions)
  import CheckpointingExercises
  import CheckpointingGraders
  import HarnessXCTest
  import XCTest

  /// The maintainers' half (`make test`): the same graders pass Solutions/ (`solutions`, beside
  /// the mutants made from it) and fail the untouched stubs of Exercises/, in this process and
  /// through the judge.
  final class CheckpointingEditionTests: XCTestCase {
    func testSolutionsPassAndStubsFail() {
      assertEdition(solutions, of: CheckpointingGraders.self, solved: true)
      let stubs: CheckpointingEdition = (
        storeAll: StoreAllBackpropagation(), checkpointed: SegmentCheckpointing(),
        training: CheckpointedTraining(), schedule: RevolveScheduler(),
        accumulation: MicroBatchAccumulator(), swapping: ActivationSwapPlanner()
      )
      assertEdition(stubs, of: CheckpointingGraders.self, solved: false)
    }
  }
#endif
