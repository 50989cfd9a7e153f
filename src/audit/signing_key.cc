#include "audit/signing_key.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>

#include "base/hex.h"
#include "base/private_file.h"
#include "base/random.h"
#include "codec/json_render.h"

namespace rmc {
namespace {

constexpr const char* kFormat = "rmc-signing-key/1";

const unsigned char* U(std::string_view s) {
  return reinterpret_cast<const unsigned char*>(s.data());
}

SigningKey FromSeed(std::string seed) {
  SigningKey key;
  key.public_key.assign(crypto_sign_PUBLICKEYBYTES, '\0');
  key.secret_key.assign(crypto_sign_SECRETKEYBYTES, '\0');
  crypto_sign_seed_keypair(reinterpret_cast<unsigned char*>(key.public_key.data()),
                           reinterpret_cast<unsigned char*>(key.secret_key.data()), U(seed));
  key.seed = std::move(seed);
  return key;
}

Status Invalid(const std::string& path, const std::string& why) {
  return InvalidInput(path + " is not an rmc signing key file: " + why);
}

}  // namespace

SigningKey GenerateSigningKey() { return FromSeed(RandomString(crypto_sign_SEEDBYTES)); }

Status WriteSigningKey(const std::string& path, const SigningKey& key) {
  Json j = {{"format", kFormat},
            {"algorithm", "ed25519"},
            {"seed", Hex(key.seed)},
            {"public_key", Hex(key.public_key)}};
  return WriteNewPrivateFile(path, j.dump(2) + "\n", "a key file");
}

Result<SigningKey> ReadSigningKey(const std::string& path) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0)
    return Status(Code::kUsage, "cannot read key file " + path + ": " + std::strerror(errno));
  if (st.st_mode & 077)
    return Status(
        Code::kUsage,
        "key file " + path + " may be read by others; chmod 600 it (and consider it leaked)");
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status(Code::kUsage, "cannot read key file " + path);
  std::string text{std::istreambuf_iterator<char>(in), {}};
  Json j = Json::parse(text, nullptr, false);
  if (!j.is_object()) return Invalid(path, "not a JSON object");
  auto field = [&](const char* name) -> std::string {
    auto it = j.find(name);
    return it != j.end() && it->is_string() ? it->get<std::string>() : "";
  };
  if (field("format") != kFormat || field("algorithm") != "ed25519")
    return Invalid(path,
                   std::string("expected format \"") + kFormat + "\" and algorithm \"ed25519\"");
  auto seed = FromHex(field("seed"));
  if (!seed || seed->size() != crypto_sign_SEEDBYTES)
    return Invalid(path, "seed is not 32 bytes of hex");
  SigningKey key = FromSeed(std::move(*seed));
  if (field("public_key") != Hex(key.public_key))
    return Invalid(path, "its public_key does not belong to its seed");
  return key;
}

std::string Sign(const SigningKey& key, std::string_view message) {
  std::string signature(crypto_sign_BYTES, '\0');
  crypto_sign_detached(reinterpret_cast<unsigned char*>(signature.data()), nullptr, U(message),
                       message.size(), U(key.secret_key));
  return signature;
}

bool SignatureValid(std::string_view public_key, std::string_view message,
                    std::string_view signature) {
  if (public_key.size() != crypto_sign_PUBLICKEYBYTES || signature.size() != crypto_sign_BYTES)
    return false;
  return crypto_sign_verify_detached(U(signature), U(message), message.size(), U(public_key)) == 0;
}

}  // namespace rmc
