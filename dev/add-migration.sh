#!/usr/bin/env bash
# Generates one EF Core migration for both providers from the current model (docs/decisions/0001-schema-versioning.md):
#   dev/add-migration.sh AddAgencies
# Then read the two generated Up methods, add migrationBuilder.Sql only for what EF cannot model (triggers, backfills),
# and run the Schema tests. Never edit the generated Designer or snapshot files.
set -euo pipefail
name=${1:?"用法：dev/add-migration.sh 迁移名称（如 AddAgencies）"}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
dotnet build src/Jixiao.Web -v q -nologo >/dev/null
for provider in Sqlite Postgres; do
  dotnet ef migrations add "$name" --no-build --project src/Jixiao.Web --context "${provider}Schema" \
    --output-dir "Data/Migrations/$provider" --namespace "Jixiao.Web.Data.Migrations.$provider"
  # dotnet ef writes a new context's snapshot under a folder named after its namespace; keep it beside the migrations
  if [ -d src/Jixiao.Web/Jixiao ]; then
    find src/Jixiao.Web/Jixiao -name '*ModelSnapshot.cs' -exec mv {} "src/Jixiao.Web/Data/Migrations/$provider/" \;
    rm -rf src/Jixiao.Web/Jixiao
  fi
done
