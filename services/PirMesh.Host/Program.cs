using PirMesh.Host.Cli;

return await PirMeshCommandLine.InvokeAsync(args, Console.Error);
