import Harness
import HarnessXCTest
import QuantizationGraders
import XCTest

/// Grades your Exercises/Quantization, one exercise per test, each in its own process.
final class QuantizationTests: XCTestCase {
  override func setUpWithError() throws {
    try XCTSkipIf(isMaintainerRun, "the maintainers' run grades Solutions/ instead")
  }

  func testSymmetricInt8() {
    assertExercisePasses("SymmetricInt8", checker: "QuantizationCheck")
  }

  func testAffineUInt8() {
    assertExercisePasses("AffineUInt8", checker: "QuantizationCheck")
  }

  func testPerChannel() {
    assertExercisePasses("PerChannel", checker: "QuantizationCheck")
  }

  func testInt8MatMul() {
    assertExercisePasses("Int8MatMul", checker: "QuantizationCheck")
  }

  func testQuantizedInference() {
    assertExercisePasses("QuantizedInference", checker: "QuantizationCheck")
  }

  func testLossScaling() {
    assertExercisePasses("LossScaling", checker: "QuantizationCheck")
  }
}

#if canImport(QuantizationSolutions)
  import QuantizationExercises
  import QuantizationSolutions

  /// The maintainers' half (`make test`): the same graders pass Solutions/ and fail the stubs.
  final class QuantizationEditionTests: XCTestCase {
    override func setUpWithError() throws {
      try XCTSkipUnless(isMaintainerRun, "set WORKBOOK_MAINTAINER=1 to grade Solutions/")
    }

    func testSolutionsPass() {
      let exercises = QuantizationGraders.exercises(
        symmetric: QuantizationSolutions.SymmetricInt8Quantizer(),
        affine: QuantizationSolutions.AffineUInt8Quantizer(),
        perChannel: QuantizationSolutions.PerChannelQuantizer(),
        matmul: QuantizationSolutions.Int8MatrixMultiplier(),
        inference: QuantizationSolutions.QuantizedMLPRunner(),
        lossScaling: QuantizationSolutions.LossScaler())
      for exercise in exercises { assertPassed(exercise.run()) }
    }

    func testStubsFailEveryCheck() {
      let exercises = QuantizationGraders.exercises(
        symmetric: QuantizationExercises.SymmetricInt8Quantizer(),
        affine: QuantizationExercises.AffineUInt8Quantizer(),
        perChannel: QuantizationExercises.PerChannelQuantizer(),
        matmul: QuantizationExercises.Int8MatrixMultiplier(),
        inference: QuantizationExercises.QuantizedMLPRunner(),
        lossScaling: QuantizationExercises.LossScaler())
      for exercise in exercises { assertEveryCheckFails(exercise) }
    }
  }
#endif
