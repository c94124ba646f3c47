import Foundation

/// A sparse vector: ascending feature indexes and their values.
struct SparseVector: Equatable, Sendable {
    var indexes: [Int32] = []
    var values: [Double] = []

    func dot(_ dense: [Double]) -> Double {
        var sum = 0.0
        for k in indexes.indices { sum += values[k] * dense[Int(indexes[k])] }
        return sum
    }

    var squaredNorm: Double { values.reduce(0) { $0 + $1 * $1 } }
}

/// L2-regularised logistic regression with a weight per sample.
///
/// Why it is written here: no package on the offline list has one, and it is
/// small. It minimises
///
///     λ/2 ‖w‖² + 1/W · Σᵢ cᵢ · log(1 + exp(−yᵢ (w·xᵢ + b)))
///
/// where cᵢ is sample i's weight, W = Σ cᵢ, yᵢ = ±1, and the intercept b is
/// not penalised (as scikit-learn's `lbfgs` solver does). It is the same
/// problem as scikit-learn's `LogisticRegression(C = 1 / (λ W))` with
/// `sample_weight = c`, which the tests check it against on fixed data.
///
/// The solver is Nesterov's accelerated gradient with a fixed step of 1/L,
/// where L = λ + 1/(4W) Σ cᵢ (‖xᵢ‖² + 1) bounds the Hessian, restarting its
/// momentum whenever a step goes uphill (O'Donoghue and Candès, 2015). It
/// stops when the gradient's norm falls below `tolerance`. With a few hundred
/// samples of unit-length vectors that is a few hundred passes: milliseconds.
struct LogisticRegression: Sendable {
    struct Sample: Sendable {
        var features: SparseVector
        var isPositive: Bool
        var weight: Double
    }

    var weights: [Double]
    var intercept: Double
    /// Passes over the samples it took, and the gradient's norm at the end.
    var iterations: Int
    var gradientNorm: Double

    func decision(_ x: SparseVector) -> Double { x.dot(weights) + intercept }

    func probability(_ x: SparseVector) -> Double { 1 / (1 + exp(-decision(x))) }

    static func train(
        _ samples: [Sample], featureCount: Int, lambda: Double,
        tolerance: Double = 1e-6, maxIterations: Int = 5_000
    ) -> LogisticRegression {
        let totalWeight = samples.reduce(0) { $0 + $1.weight }
        guard totalWeight > 0 else {
            return LogisticRegression(weights: Array(repeating: 0, count: featureCount), intercept: 0, iterations: 0, gradientNorm: 0)
        }
        let lipschitz = lambda + samples.reduce(0) { $0 + $1.weight * ($1.features.squaredNorm + 1) } / (4 * totalWeight)
        let step = 1 / lipschitz

        var gradient = [Double](repeating: 0, count: featureCount + 1)
        var (w, b) = ([Double](repeating: 0, count: featureCount), 0.0)
        var (previousW, previousB) = (w, b)
        var (lookW, lookB) = (w, b)  // where the gradient is taken: the current point plus momentum
        var momentum = 1.0
        var norm = Double.infinity
        var iteration = 0
        while iteration < maxIterations {
            iteration += 1
            computeGradient(of: samples, at: lookW, lookB, lambda: lambda, totalWeight: totalWeight, into: &gradient)
            norm = sqrt(gradient.reduce(0) { $0 + $1 * $1 })
            if norm <= tolerance {
                (w, b) = (lookW, lookB)
                break
            }
            (previousW, previousB) = (w, b)
            for j in 0..<featureCount { w[j] = lookW[j] - step * gradient[j] }
            b = lookB - step * gradient[featureCount]
            // Uphill: the momentum overshot; start it again from here.
            var uphill = gradient[featureCount] * (b - previousB)
            for j in 0..<featureCount { uphill += gradient[j] * (w[j] - previousW[j]) }
            if uphill > 0 { momentum = 1 }
            let nextMomentum = (1 + sqrt(1 + 4 * momentum * momentum)) / 2
            let beta = (momentum - 1) / nextMomentum
            momentum = nextMomentum
            for j in 0..<featureCount { lookW[j] = w[j] + beta * (w[j] - previousW[j]) }
            lookB = b + beta * (b - previousB)
        }
        return LogisticRegression(weights: w, intercept: b, iterations: iteration, gradientNorm: norm)
    }

    /// The objective's gradient at (w, b), into `gradient` (the intercept's part last).
    private static func computeGradient(
        of samples: [Sample], at w: [Double], _ b: Double, lambda: Double, totalWeight: Double,
        into gradient: inout [Double]
    ) {
        let featureCount = w.count
        for j in 0..<featureCount { gradient[j] = lambda * w[j] }
        gradient[featureCount] = 0
        for sample in samples {
            let z = sample.features.dot(w) + b
            let target = sample.isPositive ? 1.0 : 0.0
            let residual = sample.weight * (1 / (1 + exp(-z)) - target) / totalWeight
            let x = sample.features
            for k in x.indexes.indices { gradient[Int(x.indexes[k])] += residual * x.values[k] }
            gradient[featureCount] += residual
        }
    }
}
