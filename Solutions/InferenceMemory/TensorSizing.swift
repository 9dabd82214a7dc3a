import InferenceMemory

/// Reference solution of TensorSizing.
public struct TensorSizer: TensorSizing {
  public init() {}

  public func tensorBytes(shape: [Int], element: ElementType) throws -> Int {
    // An empty shape is a scalar: the product of no dimensions is 1.
    let elements = shape.reduce(1, *)
    // Count bits first, then round up to whole bytes: only int4 ever needs the rounding.
    return (elements * element.storageBits + 7) / 8
  }

  public func convolutionActivationBytes(
    batch: Int, channels: Int, height: Int, width: Int, element: ElementType
  ) throws -> Int {
    try tensorBytes(shape: [batch, channels, height, width], element: element)
  }

  public func mlpActivationBytes(batch: Int, m: Int, p: Int, element: ElementType) throws -> Int {
    try tensorBytes(shape: [batch, m, p], element: element)
  }

  public func transformerActivationBytes(
    batch: Int, sequence: Int, hidden: Int, element: ElementType
  ) throws -> Int {
    try tensorBytes(shape: [batch, sequence, hidden], element: element)
  }

  public func gpt3Parameters(layers: Int, dModel: Int, vocabulary: Int, context: Int) throws
    -> Int
  {
    // Per block: 4·d² for Q, K, V and the output projection, 8·d² for the d → 4d → d MLP.
    let blocks = 12 * layers * dModel * dModel
    // Token embeddings (shared with the output layer) and learned positions.
    let embeddings = (vocabulary + context) * dModel
    return blocks + embeddings
  }

  public func weightBytes(parameters: Int, element: ElementType) throws -> Int {
    try tensorBytes(shape: [parameters], element: element)
  }
}
