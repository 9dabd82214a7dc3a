import Harness
import HarnessXCTest
import QuantizationGraders
import XCTest

#if canImport(QuantizationSolutions)
  import QuantizationExercises
  import QuantizationSolutions

  /// The maintainers' half (`make test`): the same graders pass Solutions/ and fail the stubs.
  final class QuantizationEditionTests: XCTestCase {

    func testSolutionsPass() {
      let exercises = QuantizationGraders.exercises(
        symmetric: QuantizationSolutions.SymmetricInt8Quantizer(),
        affine: QuantizationSolutions.AffineUInt8Quantizer(),
        perChannel: QuantizationSolutions.PerChannelQuantizer(),
        matmul: QuantizationSolutions.Int8MatrixMultiplier(),
        inference: QuantizationSolutions.QuantizedMLPRunner(),
        lossScaling: QuantizationSolutions.LossScaler())
      for exercise in exercises { assertSolutionPasses(exercise) }
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

    func testSolutionsPassThroughTheJudge() {
      assertJudged(
        recording: { tape in
          QuantizationGraders.recording(
            on: tape, symmetric: QuantizationSolutions.SymmetricInt8Quantizer(),
            affine: QuantizationSolutions.AffineUInt8Quantizer(),
            perChannel: QuantizationSolutions.PerChannelQuantizer(),
            matmul: QuantizationSolutions.Int8MatrixMultiplier(),
            inference: QuantizationSolutions.QuantizedMLPRunner(),
            lossScaling: QuantizationSolutions.LossScaler())
        }, replaying: QuantizationGraders.replaying(on:), solved: true)
    }

    func testStubsFailThroughTheJudge() {
      assertJudged(
        recording: { tape in
          QuantizationGraders.recording(
            on: tape, symmetric: QuantizationExercises.SymmetricInt8Quantizer(),
            affine: QuantizationExercises.AffineUInt8Quantizer(),
            perChannel: QuantizationExercises.PerChannelQuantizer(),
            matmul: QuantizationExercises.Int8MatrixMultiplier(),
            inference: QuantizationExercises.QuantizedMLPRunner(),
            lossScaling: QuantizationExercises.LossScaler())
        }, replaying: QuantizationGraders.replaying(on:), solved: false)
    }
  }
#endif
