import InferenceMemory

/// Reference solution of PingPongForward.
public struct PingPongForwarder: PingPongForward {
  public init() {}

  public func forward(
    _ mlp: MLP, input: [Float], batch: Int, allocator: ActivationAllocator
  ) throws -> [Float] {
    try ForwardInputError.validate(mlp, input: input, batch: batch)
    // Both buffers must hold the widest activation, wherever it falls in the chain.
    let widest = mlp.widths.max() ?? 0
    var source = try allocator.allocate(count: widest * batch)
    var destination = try allocator.allocate(count: widest * batch)
    for index in input.indices { source.elements[index] = input[index] }

    for layer in 0..<mlp.layerCount {
      let inputs = mlp.widths[layer]
      let outputs = mlp.widths[layer + 1]
      let x = source.elements
      let y = destination.elements
      mlp.weights[layer].withUnsafeBufferPointer { weights in
        mlp.biases[layer].withUnsafeBufferPointer { biases in
          for sample in 0..<batch {
            for output in 0..<outputs {
              // The contract's order: from 0, inputs in increasing order, then the bias.
              var sum: Float = 0
              for input in 0..<inputs {
                sum += weights[output * inputs + input] * x[sample * inputs + input]
              }
              sum += biases[output]
              y[sample * outputs + output] = mlp.activation.apply(sum)
            }
          }
        }
      }
      // The layer's input is dead now: its buffer takes the next layer's output.
      swap(&source, &destination)
    }
    let count = batch * (mlp.widths.last ?? 0)
    return Array(source.elements.prefix(count))
  }
}
