#if canImport(TrainingMemorySolutions)
  import HarnessXCTest
  import TrainingMemoryExercises
  import TrainingMemoryGraders
  import XCTest

  /// The maintainers' half (`make test`): the same graders pass Solutions/ (`solutions`, beside
  /// the mutants made from it) and fail the untouched stubs of Exercises/, in this process and
  /// through the judge.
  final class TrainingMemoryEditionTests: XCTestCase {
    func testSolutionsPassAndStubsFail() {
      assertEdition(solutions, of: TrainingMemoryGraders.self, solved: true)
      let stubs: TrainingMemoryEdition = (
        peak: PeakEstimator(), adam: AdamOptimizer.self, accountant: MemoryAccountant()
      )
      assertEdition(stubs, of: TrainingMemoryGraders.self, solved: false)
    }
  }
#endif
