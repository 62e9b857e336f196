// The README's example: a partner HR system or a school script using the generated client.
import { Configuration, MajorsApi, PlacementType, ReportsApi, ResponseError } from "./generated";

export async function placedPerYear(baseUrl: string, apiKey: string): Promise<void> {
  const config = new Configuration({ basePath: baseUrl, accessToken: apiKey });
  try {
    const major = await new MajorsApi(config).createMajor({ majorRequest: { code: "460702", name: "汽车制造与试验技术" } });
    console.log(`created ${major.code}, version ${major.version}`);
  } catch (e) {
    if (e instanceof ResponseError) console.log((await e.response.json()).title); // a problem+json body
  }
  const report = await new ReportsApi(config).yearly({ from: 2024, to: 2026, type: PlacementType.PostInternship });
  for (const row of report.rows ?? []) console.log(row.year, row.personTimes, row.distinctStudents);
}
