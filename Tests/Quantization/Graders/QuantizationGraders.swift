import Harness
import Quantization

/// The graders of the Quantization topic, bound to one edition's implementations.
public enum QuantizationGraders: TopicGraders {
  /// The kit's errors, which the graders catch by type.
  public static var replayableErrors: [any (Error & Codable).Type] { [QuantizationError.self] }

  /// Every exercise of the topic, in the lesson's order, graded against the given implementations.
  public static func exercises(_ edition: QuantizationEdition) -> [Exercise] {
    Exercise.lesson(
      "Quantization",
      [
        ("SymmetricInt8", "Symmetric int8", { gradeSymmetricInt8(edition.symmetric, $0) }),
        (
          "AffineUInt8", "Affine uint8 and the zero point",
          { gradeAffineUInt8(edition.affine, $0) }
        ),
        ("PerChannel", "One scale per channel", { gradePerChannel(edition.perChannel, $0) }),
        ("Int8MatMul", "Integer matrix multiplication", { gradeInt8MatMul(edition.matmul, $0) }),
        (
          "QuantizedInference", "Quantizing a whole network",
          { gradeQuantizedInference(edition.inference, $0) }
        ),
        (
          "LossScaling", "Mixed precision and loss scaling",
          { gradeLossScaling(edition.lossScaling, $0) }
        ),
      ])
  }
}

/// One implementation of each Quantization contract: an edition (Exercises/ or
/// Solutions/), the solutions with a mutant in one place, or the proxies in front of either.
public typealias QuantizationEdition = (
  symmetric: any SymmetricInt8 & Sendable, affine: any AffineUInt8 & Sendable,
  perChannel: any PerChannel & Sendable, matmul: any Int8MatMul & Sendable,
  inference: any QuantizedInference & Sendable, lossScaling: any LossScaling & Sendable
)
