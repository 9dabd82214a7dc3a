#if canImport(InferenceMemorySolutions)
  import HarnessXCTest
  import InferenceMemoryExercises
  import InferenceMemoryGraders
  import XCTest

  /// The maintainers' half (`make test`): the same graders pass Solutions/ (`solutions`, beside
  /// the mutants made from it) and fail the untouched stubs of Exercises/, in this process and
  /// through the judge.
  final class InferenceMemoryEditionTests: XCTestCase {
    func testSolutionsPassAndStubsFail() {
      assertEdition(solutions, of: InferenceMemoryGraders.self, solved: true)
      let stubs: InferenceMemoryEdition = (
        sizing: TensorSizer(), forward: PingPongForwarder(), planner: LifetimePlanner()
      )
      assertEdition(stubs, of: InferenceMemoryGraders.self, solved: false)
    }
  }
#endif
