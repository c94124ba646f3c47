public enum DigestGenerator {}
