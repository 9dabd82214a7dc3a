/// Where the bytes of a training set-up go, component by component.
///
/// All sizes are in bytes. `master` is the fp32 copy of the weights that mixed-precision training
/// updates; `optimizer` is the optimizer's own state (Adam's m and v, or SGD's velocity).
public struct MemoryBreakdown: Equatable, Sendable, Codable, CustomStringConvertible {
  /// The weights the forward and backward passes read, in their storage type.
  public var weights: UInt64
  /// One gradient per trainable parameter.
  public var gradients: UInt64
  /// The fp32 master copy of the trainable weights, when one is kept.
  public var master: UInt64
  /// The optimizer's state per trainable parameter (Adam: m and v).
  public var optimizer: UInt64
  /// Activations kept for the backward pass.
  public var activations: UInt64
  /// The sum of the five components.
  public var total: UInt64

  /// A breakdown with every component given, `total` included.
  public init(
    weights: UInt64, gradients: UInt64, master: UInt64, optimizer: UInt64, activations: UInt64,
    total: UInt64
  ) {
    self.weights = weights
    self.gradients = gradients
    self.master = master
    self.optimizer = optimizer
    self.activations = activations
    self.total = total
  }

  /// The breakdown as one line of bytes, for failure messages.
  public var description: String {
    "weights \(weights), gradients \(gradients), master \(master), optimizer \(optimizer), "
      + "activations \(activations), total \(total)"
  }
}
