import Units

/// The contract of the TensorSizing exercise: bytes of tensors and of a GPT-3 model's weights.
///
/// Every size is `⌈elements × storageBits ÷ 8⌉` bytes: exact for every type but int4, where two
/// elements share a byte and an odd count rounds up to a whole byte (3 int4 values take 2 bytes).
/// All dimensions are ≥ 0; a shape with no dimensions is a scalar, one element.
public protocol TensorSizing {
  /// Bytes of a tensor of `shape` in `element`: the product of the dimensions, then the rule
  /// above. `[2, 3]` in fp16 is 12 bytes; `[3]` in int4 is 2 bytes.
  func tensorBytes(shape: [Int], element: ElementType) throws -> Int

  /// Bytes of a convolution layer's activation: B × C × H × W elements.
  func convolutionActivationBytes(
    batch: Int, channels: Int, height: Int, width: Int, element: ElementType
  ) throws -> Int

  /// Bytes of an MLP layer's activation whose output per sample is M × P: B × M × P elements
  /// (P = 1 for the usual vector of M features).
  func mlpActivationBytes(batch: Int, m: Int, p: Int, element: ElementType) throws -> Int

  /// Bytes of a transformer block's output: B × L × H elements (batch, sequence length,
  /// hidden size), ignoring what lives inside the block.
  func transformerActivationBytes(
    batch: Int, sequence: Int, hidden: Int, element: ElementType
  ) throws -> Int

  /// A GPT-3-style model's parameter count from its architecture:
  /// 12 · layers · dModel² + (vocabulary + context) · dModel.
  func gpt3Parameters(layers: Int, dModel: Int, vocabulary: Int, context: Int) throws -> Int

  /// Bytes of `parameters` weights stored as `element`.
  func weightBytes(parameters: Int, element: ElementType) throws -> Int
}
