// The Quantization runner: the only process that links Exercises/Quantization. It records the
// student's answers to the graders' questions; the judge decides (see Harness's `Judge`).
import Harness
import QuantizationExercises
import QuantizationGraders

Runner.main(
  QuantizationGraders.self,
  (
    symmetric: SymmetricInt8Quantizer(), affine: AffineUInt8Quantizer(),
    perChannel: PerChannelQuantizer(), matmul: Int8MatrixMultiplier(),
    inference: QuantizedMLPRunner(), lossScaling: LossScaler()
  ))
