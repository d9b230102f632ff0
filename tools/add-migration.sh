#!/usr/bin/env bash
# Adds a migration for every provider (SQLite, SQL Server, PostgreSQL) from the current model.
#   tools/add-migration.sh AddPhotos
# Only some providers (e.g. to regenerate one squashed baseline):
#   tools/add-migration.sh PostgreSqlBaseline PostgreSql
set -euo pipefail
name=${1:?usage: tools/add-migration.sh MigrationName [Provider...]}
shift
providers=("$@")
[ ${#providers[@]} -gt 0 ] || providers=(Sqlite SqlServer PostgreSql)
cd "$(dirname "$0")/../src/PlanManager.Web"
dotnet tool restore >/dev/null
dotnet build -nologo -v q
for provider in "${providers[@]}"; do
  dotnet ef migrations add "$name" --no-build \
    --context "${provider}PlanManagerDbContext" \
    --output-dir "Data/Migrations/$provider" \
    --namespace "PlanManager.Web.Data.Migrations.$provider"
  # dotnet ef writes the model snapshot to a folder named after the namespace; keep it beside the migrations.
  if [ -d "PlanManager/Web/Data/Migrations/$provider" ]; then
    mv "PlanManager/Web/Data/Migrations/$provider"/*.cs "Data/Migrations/$provider/"
  fi
done
rm -rf PlanManager design-time.db
