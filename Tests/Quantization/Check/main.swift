import Harness
import QuantizationExercises
import QuantizationGraders

Checker.main(
  QuantizationGraders.exercises(
    symmetric: SymmetricInt8Quantizer(), affine: AffineUInt8Quantizer(),
    perChannel: PerChannelQuantizer(), matmul: Int8MatrixMultiplier(),
    inference: QuantizedMLPRunner(), lossScaling: LossScaler()))
