import { createBrowserRouter } from 'react-router';
import { AppShell, LoadingShell } from './AppShell.tsx';
import { NotFound } from './NotFound.tsx';
import { RootError, RouteError } from './RouteError.tsx';

/** Pages are lazy: each one's code is fetched the first time it is visited. */
export function createAppRouter() {
  return createBrowserRouter([
    {
      id: 'root',
      Component: AppShell,
      HydrateFallback: LoadingShell,
      ErrorBoundary: RootError,
      children: [
        {
          // Pathless: catches the errors of every page and shows them inside the layout.
          ErrorBoundary: RouteError,
          children: [
            {
              index: true,
              lazy: async () => ({
                Component: (await import('../features/home/HomePage.tsx')).HomePage,
              }),
            },
            {
              path: 'privacy',
              lazy: async () => ({
                Component: (await import('../features/privacy/PrivacyPage.tsx')).PrivacyPage,
              }),
            },
            {
              path: 'setup',
              lazy: async () => ({
                Component: (await import('../features/setup/SetupPage.tsx')).SetupPage,
              }),
            },
            {
              path: 'sign-in',
              lazy: async () => ({
                Component: (await import('../features/sign-in/SignInPage.tsx')).SignInPage,
              }),
            },
            {
              path: 'me',
              lazy: async () => ({
                Component: (await import('../features/profile/ProfilePage.tsx')).ProfilePage,
              }),
            },
            {
              path: 'me/address',
              lazy: async () => ({
                Component: (await import('../features/profile/ConfirmAddressPage.tsx'))
                  .ConfirmAddressPage,
              }),
            },
            {
              path: 'me/second-factor',
              lazy: async () => ({
                Component: (await import('../features/second-factor/SecondFactorPage.tsx'))
                  .SecondFactorPage,
              }),
            },
            {
              path: 'preferences/email',
              lazy: async () => ({
                Component: (await import('../features/preferences/EmailPreferencesPage.tsx'))
                  .EmailPreferencesPage,
              }),
            },
            {
              path: 'join',
              lazy: async () => ({
                Component: (await import('../features/invitations/JoinPage.tsx')).JoinPage,
              }),
            },
            {
              path: 'consent',
              lazy: async () => ({
                Component: (await import('../features/youth/GuardianConsentPage.tsx'))
                  .GuardianConsentPage,
              }),
            },
            {
              path: 'youth/join',
              lazy: async () => ({
                Component: (await import('../features/youth/YouthJoinPage.tsx')).YouthJoinPage,
              }),
            },
            {
              path: 'youth',
              lazy: async () => ({
                Component: (await import('../features/youth/MyYouthPage.tsx')).MyYouthPage,
              }),
            },
            {
              path: 'mentoring/:pairId',
              lazy: async () => ({
                Component: (await import('../features/youth/MentoringPairPage.tsx'))
                  .MentoringPairPage,
              }),
            },
            {
              path: 'youth-events/:eventId',
              lazy: async () => ({
                Component: (await import('../features/youth/YouthEventPage.tsx')).YouthEventPage,
              }),
            },
            {
              path: 'organisations/:organisationId',
              lazy: async () => ({
                Component: (await import('../features/organisations/OrganisationPage.tsx'))
                  .OrganisationPage,
              }),
            },
            {
              path: 'commitments',
              lazy: async () => ({
                Component: (await import('../features/commitments/MyCommitmentsPage.tsx'))
                  .MyCommitmentsPage,
              }),
            },
            {
              path: 'commitments/:commitmentId',
              lazy: async () => ({
                Component: (await import('../features/commitments/CommitmentPage.tsx'))
                  .CommitmentPage,
              }),
            },
            {
              path: 'programs/:programId/commitments',
              lazy: async () => ({
                Component: (await import('../features/commitments/ProgramCommitmentsPage.tsx'))
                  .ProgramCommitmentsPage,
              }),
            },
            {
              path: 'programs/:programId/commitments/new',
              lazy: async () => ({
                Component: (await import('../features/commitments/NewCommitmentPage.tsx'))
                  .NewCommitmentPage,
              }),
            },
            {
              path: 'circles',
              lazy: async () => ({
                Component: (await import('../features/circles/MyCirclesPage.tsx')).MyCirclesPage,
              }),
            },
            {
              path: 'circles/join',
              lazy: async () => ({
                Component: (await import('../features/circles/JoinByLinkPage.tsx')).JoinByLinkPage,
              }),
            },
            {
              path: 'circles/:circleId',
              lazy: async () => ({
                Component: (await import('../features/circles/CirclePage.tsx')).CirclePage,
              }),
            },
            {
              path: 'circles/:circleId/join',
              lazy: async () => ({
                Component: (await import('../features/circles/JoinCirclePage.tsx')).JoinCirclePage,
              }),
            },
            {
              path: 'circles/:circleId/room',
              lazy: async () => ({
                Component: (await import('../features/circles/RoomPage.tsx')).RoomPage,
              }),
            },
            {
              path: 'circles/:circleId/harvest',
              lazy: async () => ({
                Component: (await import('../features/circles/HarvestPage.tsx')).HarvestPage,
              }),
            },
            {
              path: 'programs/:programId/circles',
              lazy: async () => ({
                Component: (await import('../features/circles/ProgramCirclesPage.tsx'))
                  .ProgramCirclesPage,
              }),
            },
            {
              path: 'programs/:programId/circles/new',
              lazy: async () => ({
                Component: (await import('../features/circles/PlanCirclePage.tsx')).PlanCirclePage,
              }),
            },
            {
              path: 'conferences/refer',
              lazy: async () => ({
                Component: (await import('../features/conferences/ReferralPage.tsx')).ReferralPage,
              }),
            },
            {
              path: 'conferences/referral-status',
              lazy: async () => ({
                Component: (await import('../features/conferences/ReferralStatusPage.tsx'))
                  .ReferralStatusPage,
              }),
            },
            {
              path: 'conferences/join',
              lazy: async () => ({
                Component: (await import('../features/conferences/JoinCasePage.tsx')).JoinCasePage,
              }),
            },
            {
              path: 'conferences/mine',
              lazy: async () => ({
                Component: (await import('../features/conferences/MyCasesPage.tsx')).MyCasesPage,
              }),
            },
            {
              path: 'conferences/:conferenceId',
              lazy: async () => ({
                Component: (await import('../features/conferences/CasePage.tsx')).CasePage,
              }),
            },
            {
              path: 'conferences/:conferenceId/my-part',
              lazy: async () => ({
                Component: (await import('../features/conferences/MyPartPage.tsx')).MyPartPage,
              }),
            },
            {
              path: 'conferences/:conferenceId/oversight',
              lazy: async () => ({
                Component: (await import('../features/conferences/OversightCasePage.tsx'))
                  .OversightCasePage,
              }),
            },
            {
              path: 'programs/:programId/conferences',
              lazy: async () => ({
                Component: (await import('../features/conferences/CaseBoardPage.tsx'))
                  .CaseBoardPage,
              }),
            },
            {
              path: 'programs/:programId/conferences/settings',
              lazy: async () => ({
                Component: (await import('../features/conferences/SettingsPage.tsx')).SettingsPage,
              }),
            },
            {
              path: 'programs/:programId/conferences/overdue',
              lazy: async () => ({
                Component: (await import('../features/conferences/OverduePage.tsx')).OverduePage,
              }),
            },
            {
              path: 'programs/:programId/conferences/sign-offs',
              lazy: async () => ({
                Component: (await import('../features/conferences/SignOffsPage.tsx')).SignOffsPage,
              }),
            },
            {
              path: 'organisations/:organisationId/conferences',
              lazy: async () => ({
                Component: (await import('../features/conferences/AgencyCasesPage.tsx'))
                  .AgencyCasesPage,
              }),
            },
            {
              path: 'dialogues',
              lazy: async () => ({
                Component: (await import('../features/dialogues/MyDialoguesPage.tsx'))
                  .MyDialoguesPage,
              }),
            },
            {
              path: 'dialogues/join',
              lazy: async () => ({
                Component: (await import('../features/dialogues/JoinByLinkPage.tsx'))
                  .JoinByLinkPage,
              }),
            },
            {
              path: 'dialogues/:dialogueId',
              lazy: async () => ({
                Component: (await import('../features/dialogues/DialoguePage.tsx')).DialoguePage,
              }),
            },
            {
              path: 'dialogues/:dialogueId/moderation',
              lazy: async () => ({
                Component: (await import('../features/dialogues/ModerationPage.tsx'))
                  .ModerationPage,
              }),
            },
            {
              path: 'dialogues/:dialogueId/report',
              lazy: async () => ({
                Component: (await import('../features/dialogues/ReportPage.tsx')).ReportPage,
              }),
            },
            {
              path: 'programs/:programId/dialogues',
              lazy: async () => ({
                Component: (await import('../features/dialogues/ProgramDialoguesPage.tsx'))
                  .ProgramDialoguesPage,
              }),
            },
            {
              path: 'programs/:programId/dialogues/new',
              lazy: async () => ({
                Component: (await import('../features/dialogues/NewDialoguePage.tsx'))
                  .NewDialoguePage,
              }),
            },
            {
              path: 'programs/:programId/dialogues/import',
              lazy: async () => ({
                Component: (await import('../features/dialogues/ImportPage.tsx')).ImportPage,
              }),
            },
            {
              path: 'public/dialogues/:dialogueId',
              lazy: async () => ({
                Component: (await import('../features/dialogues/PublicResultsPage.tsx'))
                  .PublicResultsPage,
              }),
            },
            {
              path: 'answer/:token',
              lazy: async () => ({
                Component: (await import('../features/measurement/AnswerPage.tsx')).AnswerPage,
              }),
            },
            {
              path: 'pulse/:slug',
              lazy: async () => ({
                Component: (await import('../features/measurement/PulsePage.tsx')).PulsePage,
              }),
            },
            {
              path: 'pulse/:slug/:phase',
              lazy: async () => ({
                Component: (await import('../features/measurement/PulsePage.tsx')).PulsePage,
              }),
            },
            {
              path: 'surveys',
              lazy: async () => ({
                Component: (await import('../features/measurement/MySurveysPage.tsx'))
                  .MySurveysPage,
              }),
            },
            {
              path: 'surveys/:surveyId',
              lazy: async () => ({
                Component: (await import('../features/measurement/SurveyPage.tsx')).SurveyPage,
              }),
            },
            {
              path: 'programs/:programId/surveys',
              lazy: async () => ({
                Component: (await import('../features/measurement/ProgramSurveysPage.tsx'))
                  .ProgramSurveysPage,
              }),
            },
            {
              path: 'programs/:programId/surveys/new',
              lazy: async () => ({
                Component: (await import('../features/measurement/NewSurveyPage.tsx'))
                  .NewSurveyPage,
              }),
            },
            {
              path: 'programs/:programId/measurement',
              lazy: async () => ({
                Component: (await import('../features/measurement/DashboardPage.tsx'))
                  .DashboardPage,
              }),
            },
            {
              path: 'organisations/:organisationId/measurement',
              lazy: async () => ({
                Component: (await import('../features/measurement/OrganisationMeasurementPage.tsx'))
                  .OrganisationMeasurementPage,
              }),
            },
            {
              path: 'measurement',
              lazy: async () => ({
                Component: (await import('../features/measurement/MeasurementHomePage.tsx'))
                  .MeasurementHomePage,
              }),
            },
            {
              path: 'programs/:programId/courses',
              lazy: async () => ({
                Component: (await import('../features/training/ProgramCoursesPage.tsx'))
                  .ProgramCoursesPage,
              }),
            },
            {
              path: 'programs/:programId/youth',
              lazy: async () => ({
                Component: (await import('../features/youth/YouthProgramPage.tsx'))
                  .YouthProgramPage,
              }),
            },
            {
              path: 'programs/:programId/youth-report',
              lazy: async () => ({
                Component: (await import('../features/youth/YouthReportPage.tsx')).YouthReportPage,
              }),
            },
            {
              path: 'programs/:programId/concerns',
              lazy: async () => ({
                Component: (await import('../features/youth/ConcernsPage.tsx')).ConcernsPage,
              }),
            },
            {
              path: 'courses/:courseId',
              lazy: async () => ({
                Component: (await import('../features/training/CoursePage.tsx')).CoursePage,
              }),
            },
            {
              path: 'programs/:programId/courses/new',
              lazy: async () => ({
                Component: (await import('../features/training/CourseEditorPage.tsx'))
                  .NewCoursePage,
              }),
            },
            {
              path: 'courses/:courseId/edit',
              lazy: async () => ({
                Component: (await import('../features/training/CourseEditorPage.tsx'))
                  .EditCoursePage,
              }),
            },
            {
              path: 'courses/:courseId/report',
              lazy: async () => ({
                Component: (await import('../features/training/CourseReportPage.tsx'))
                  .CourseReportPage,
              }),
            },
            {
              path: 'training',
              lazy: async () => ({
                Component: (await import('../features/training/MyTrainingPage.tsx')).MyTrainingPage,
              }),
            },
            {
              path: 'training/:enrolmentId',
              lazy: async () => ({
                Component: (await import('../features/training/LearnPage.tsx')).LearnPage,
              }),
            },
            {
              path: 'certificates/:code',
              lazy: async () => ({
                Component: (await import('../features/training/CertificatePage.tsx'))
                  .CertificatePage,
              }),
            },
            {
              path: 'trust/:organisationId',
              lazy: async () => ({
                Component: (await import('../features/measurement/PublicTrustPage.tsx'))
                  .PublicTrustPage,
              }),
            },
            { path: '*', Component: NotFound },
          ],
        },
      ],
    },
  ]);
}
