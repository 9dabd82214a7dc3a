import Harness
import Quantization

/// The graders of the Quantization topic, bound to one edition's implementations.
public enum QuantizationGraders {
  /// Every exercise of the topic, in the lesson's order, graded against the given implementations.
  public static func exercises(
    symmetric: some SymmetricInt8 & Sendable, affine: some AffineUInt8 & Sendable,
    perChannel: some PerChannel & Sendable, matmul: some Int8MatMul & Sendable,
    inference: some QuantizedInference & Sendable, lossScaling: some LossScaling & Sendable
  ) -> [Exercise] {
    [
      Exercise(name: "SymmetricInt8", lesson: "Quantization", section: "Symmetric int8") {
        gradeSymmetricInt8(symmetric, $0)
      },
      Exercise(
        name: "AffineUInt8", lesson: "Quantization", section: "Affine uint8 and the zero point"
      ) {
        gradeAffineUInt8(affine, $0)
      },
      Exercise(name: "PerChannel", lesson: "Quantization", section: "One scale per channel") {
        gradePerChannel(perChannel, $0)
      },
      Exercise(
        name: "Int8MatMul", lesson: "Quantization", section: "Integer matrix multiplication"
      ) {
        gradeInt8MatMul(matmul, $0)
      },
      Exercise(
        name: "QuantizedInference", lesson: "Quantization", section: "Quantizing a whole network"
      ) {
        gradeQuantizedInference(inference, $0)
      },
      Exercise(
        name: "LossScaling", lesson: "Quantization", section: "Mixed precision and loss scaling"
      ) {
        gradeLossScaling(lossScaling, $0)
      },
    ]
  }
}
