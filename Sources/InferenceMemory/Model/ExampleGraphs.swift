import Units

extension ComputationGraph {
  /// One pre-norm transformer block, the lesson's example of a graph with skip connections.
  ///
  /// `x → norm → attention → (+ x) → r → norm → up (4h) → gelu (4h) → down → (+ r) → y`.
  /// Every tensor is `tokens × hidden` elements except the two inside the feed-forward network,
  /// which are four times wider. The residual input `x` must survive the attention branch, and
  /// `r` the whole feed-forward branch: that is what two buffers cannot hold.
  public static func transformerBlock(tokens: Int, hidden: Int, element: ElementType)
    -> ComputationGraph
  {
    let narrow = (tokens * hidden * element.storageBits + 7) / 8
    let wide = (tokens * 4 * hidden * element.storageBits + 7) / 8
    let tensors = [
      GraphTensor("x", bytes: narrow), GraphTensor("n1", bytes: narrow),
      GraphTensor("attn", bytes: narrow), GraphTensor("r", bytes: narrow),
      GraphTensor("n2", bytes: narrow), GraphTensor("up", bytes: wide),
      GraphTensor("gelu", bytes: wide), GraphTensor("down", bytes: narrow),
      GraphTensor("y", bytes: narrow),
    ]
    let operations = [
      GraphOperation("norm1", inputs: [0], outputs: [1]),
      GraphOperation("attention", inputs: [1], outputs: [2]),
      GraphOperation("add1", inputs: [0, 2], outputs: [3]),
      GraphOperation("norm2", inputs: [3], outputs: [4]),
      GraphOperation("ffn_up", inputs: [4], outputs: [5]),
      GraphOperation("gelu", inputs: [5], outputs: [6]),
      GraphOperation("ffn_down", inputs: [6], outputs: [7]),
      GraphOperation("add2", inputs: [3, 7], outputs: [8]),
    ]
    return ComputationGraph(unchecked: tensors, operations: operations, outputs: [8])
  }

  /// A plain chain of `layers` operations on tensors of `bytes` each: the MLP's shape, which
  /// two buffers serve.
  public static func chain(layers: Int, bytes: Int) -> ComputationGraph {
    let count = max(1, layers)
    let tensors = (0...count).map { GraphTensor("t\($0)", bytes: bytes) }
    let operations = (0..<count).map {
      GraphOperation("layer\($0)", inputs: [$0], outputs: [$0 + 1])
    }
    return ComputationGraph(unchecked: tensors, operations: operations, outputs: [count])
  }

  /// The transformer block of the lesson: 2048 tokens, hidden size 4096 (GPT-3 6.7B's width),
  /// fp16.
  static let lessonBlock = transformerBlock(tokens: 2048, hidden: 4096, element: .fp16)
}
