import Harness
import InferenceMemory

/// Exercise TensorSizing: bytes of tensors, activations and GPT-3's weights.
///
/// Read Lessons/InferenceMemory.md, section "Sizing tensors and models", then replace each
/// `throw` with your code. Check your work with `workbook check TensorSizing`.
///
/// The contract, with every rule the grader checks:
/// Sources/InferenceMemory/Contracts/TensorSizing.swift.
public struct TensorSizer: TensorSizing {
  public init() {}

  public func tensorBytes(shape: [Int], element: ElementType) throws -> Int {
    throw Unimplemented(lesson: "InferenceMemory", section: "Sizing tensors and models")
  }

  public func convolutionActivationBytes(
    batch: Int, channels: Int, height: Int, width: Int, element: ElementType
  ) throws -> Int {
    throw Unimplemented(lesson: "InferenceMemory", section: "Sizing tensors and models")
  }

  public func mlpActivationBytes(batch: Int, m: Int, p: Int, element: ElementType) throws -> Int {
    throw Unimplemented(lesson: "InferenceMemory", section: "Sizing tensors and models")
  }

  public func transformerActivationBytes(
    batch: Int, sequence: Int, hidden: Int, element: ElementType
  ) throws -> Int {
    throw Unimplemented(lesson: "InferenceMemory", section: "Sizing tensors and models")
  }

  public func gpt3Parameters(layers: Int, dModel: Int, vocabulary: Int, context: Int) throws
    -> Int
  {
    throw Unimplemented(lesson: "InferenceMemory", section: "Sizing tensors and models")
  }

  public func weightBytes(parameters: Int, element: ElementType) throws -> Int {
    throw Unimplemented(lesson: "InferenceMemory", section: "Sizing tensors and models")
  }
}
