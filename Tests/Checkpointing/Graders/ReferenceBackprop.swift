import Checkpointing
import Foundation
import Harness

/// The graders' own backpropagation, written from the definitions one example at a time with
/// nested arrays. It shares no code with the kit's layers: it is the oracle the students'
/// gradients are judged against.
struct ReferenceNetwork {
  struct Dense {
    var weights: [[Double]]  // [output][input]
    var bias: [Double]
    var squashes: Bool
  }

  var layers: [Dense]
  var loss: Loss

  init(_ chain: Chain) {
    layers = chain.layers.map { layer in
      Dense(
        weights: (0..<layer.outputWidth).map { row in
          Array(layer.weights[(row * layer.inputWidth)..<((row + 1) * layer.inputWidth)])
        },
        bias: layer.bias, squashes: layer.activation == .tanh)
    }
    loss = chain.loss
  }

  /// Every activation of one example: [input, layer 0's output, …].
  func activations(of example: [Double]) -> [[Double]] {
    var all = [example]
    for dense in layers {
      let x = all[all.count - 1]
      var y: [Double] = []
      for (row, weights) in dense.weights.enumerated() {
        var z = dense.bias[row]
        for (w, v) in zip(weights, x) { z += w * v }
        y.append(dense.squashes ? tanh(z) : z)
      }
      all.append(y)
    }
    return all
  }

  /// One example's loss.
  func exampleLoss(_ output: [Double], _ target: [Double]) -> Double {
    var total = 0.0
    for (y, t) in zip(output, target) {
      switch loss {
      case .meanSquaredError: total += (y - t) * (y - t) / 2
      case .logistic: total += log(1 + exp(y)) - t * y
      }
    }
    return total
  }

  /// The mean loss of a batch.
  func meanLoss(inputs: [[Double]], targets: [[Double]]) -> Double {
    var total = 0.0
    for (x, t) in zip(inputs, targets) {
      total += exampleLoss(activations(of: x).last ?? [], t)
    }
    return total / Double(inputs.count)
  }

  /// The mean loss and its gradient: per layer, weights [output][input] and biases.
  func gradients(inputs: [[Double]], targets: [[Double]]) -> (
    loss: Double, weights: [[[Double]]], bias: [[Double]]
  ) {
    var weightSums = layers.map { dense in dense.weights.map { $0.map { _ in 0.0 } } }
    var biasSums = layers.map { dense in dense.bias.map { _ in 0.0 } }
    var total = 0.0
    for (x, t) in zip(inputs, targets) {
      let a = activations(of: x)
      let output = a[layers.count]
      total += exampleLoss(output, t)
      // dLoss/dOutput for one example.
      var upstream: [Double] = zip(output, t).map { y, target in
        switch loss {
        case .meanSquaredError: return y - target
        case .logistic: return 1 / (1 + exp(-y)) - target
        }
      }
      for index in stride(from: layers.count - 1, through: 0, by: -1) {
        let dense = layers[index]
        let y = a[index + 1]
        let input = a[index]
        let delta = upstream.indices.map { row in
          dense.squashes ? upstream[row] * (1 - y[row] * y[row]) : upstream[row]
        }
        var down = [Double](repeating: 0, count: input.count)
        for row in delta.indices {
          biasSums[index][row] += delta[row]
          for column in input.indices {
            weightSums[index][row][column] += delta[row] * input[column]
            down[column] += delta[row] * dense.weights[row][column]
          }
        }
        upstream = down
      }
    }
    let scale = 1 / Double(inputs.count)
    return (
      total * scale, weightSums.map { $0.map { $0.map { $0 * scale } } },
      biasSums.map { $0.map { $0 * scale } }
    )
  }
}

/// A tensor's rows as nested arrays.
func nested(_ tensor: Tensor) -> [[Double]] {
  (0..<tensor.rows).map { row in
    Array(tensor.values[(row * tensor.columns)..<((row + 1) * tensor.columns)])
  }
}
